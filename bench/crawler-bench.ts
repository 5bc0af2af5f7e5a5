import { execFileSync } from 'node:child_process';
import { packagePath } from '../config/package-root.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Classifier } from '../classifier/classify.js';
import { loadConfig } from '../config/config.js';
import { runCrawl } from '../pipeline/run-crawl.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { demoSiteConfig, loadDemoListings, startDemoMarket, type DemoListing } from '../demo/demo-market.js';
import { connectRedis, resolveRedisUrl } from '../queue/index.js';
import { crawleeCheerio, crawleePlaywright } from './crawlee-baseline.js';
import { benchEnv } from './bench-env.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** n listings of one page kind, cycling through the demo's texts. */
function market(n: number, page: DemoListing['page']): DemoListing[] {
  const base = loadDemoListings();
  return Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]!, id: `b${i}`, page }));
}

async function faceleakCrawl(listings: DemoListing[], render: 'static' | 'browser', concurrency: number) {
  const m = await startDemoMarket({ listings, perPage: 50 });
  const dir = mkdtempSync(join(tmpdir(), 'faceleak-bench-'));
  const config = loadConfig(benchEnv('bench', dir, 'bench.db'));
  const redisUrl = await resolveRedisUrl(config);
  const site = parseSiteConfig(demoSiteConfig(m.origin, { render, rateLimit: { requestsPerSecond: 1000, maxConcurrency: 100 } }));
  const r = await runCrawl({ config, redisUrl, site, concurrency, progressEveryMs: 100, worker: { classifier: Classifier.load() } });
  const redis = connectRedis(redisUrl);
  const keys = await redis.keys(`${config.queuePrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await m.close();
  return { pages: r.progress.done, seconds: r.elapsedMs / 1000 };
}

const rate = (r: { pages: number; seconds: number }) => `${r.pages} pages in ${r.seconds.toFixed(1)} s = ${(r.pages / r.seconds).toFixed(1)} pages/s`;

export async function benchCrawler(): Promise<void> {
  const staticPages = Number(process.env.BENCH_STATIC_PAGES ?? 2000);
  const browserPages = Number(process.env.BENCH_BROWSER_PAGES ?? 300);
  const memoryPages = Number(process.env.BENCH_MEMORY_PAGES ?? 5000);
  process.stdout.write(`\nstatic pages (${staticPages} listings, politeness off, concurrency 16)\n`);
  const ours = await faceleakCrawl(market(staticPages, 'static'), 'static', 16);
  process.stdout.write(`  faceleak (through Redis, classified and stored): ${rate(ours)}\n`);
  const cm = await startDemoMarket({ listings: market(staticPages, 'static'), perPage: 50 });
  process.stdout.write(`  Crawlee CheerioCrawler (in memory, no classification): ${rate(await crawleeCheerio(`${cm.origin}/s`, 16))}\n`);
  await cm.close();

  process.stdout.write(`\nbrowser pages (${browserPages} script-rendered listings, concurrency 4)\n`);
  const oursB = await faceleakCrawl(market(browserPages, 'spa'), 'browser', 4);
  process.stdout.write(`  faceleak: ${rate(oursB)}\n`);
  const pm = await startDemoMarket({ listings: market(browserPages, 'spa'), perPage: 50 });
  process.stdout.write(`  Crawlee PlaywrightCrawler: ${rate(await crawleePlaywright(`${pm.origin}/s`, 4, CHROMIUM))}\n`);
  await pm.close();

  process.stdout.write(
    `\nworker memory over ${memoryPages} browser pages (concurrency 4, a process of its own; sampled after a full GC, so growth means memory kept, not garbage not yet collected)\n`,
  );
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', packagePath('bench', 'memory-crawl.ts'), String(memoryPages)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const samples = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { page: number; rssMb: number; heapMb: number; chromiumMb: number });
  for (const s of samples)
    process.stdout.write(
      `  page ${String(s.page).padStart(5)}: worker RSS ${s.rssMb.toFixed(0)} MB (JS heap ${s.heapMb} MB), its Chromium ${s.chromiumMb.toFixed(0)} MB\n`,
    );
  const at1000 = samples.find((s) => s.page === 1000);
  const last = samples.at(-1);
  if (at1000 && last && last !== at1000)
    process.stdout.write(
      `  worker RSS growth from page 1000 to ${last.page}: ${(((last.rssMb - at1000.rssMb) / at1000.rssMb) * 100).toFixed(1)}% (target < 20%)\n`,
    );
}
