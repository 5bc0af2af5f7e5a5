import { execFileSync } from 'node:child_process';
import { packagePath } from '../config/package-root.js';
import { loadDemoListings, startDemoMarket, type DemoListing } from '../demo/demo-market.js';
import { crawleeSide, faceleakSide, staleBuild, type SideRun } from './crawl-sides.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** n listings of one page kind, cycling through the demo's texts. */
function market(n: number, page: DemoListing['page']): DemoListing[] {
  const base = loadDemoListings();
  return Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]!, id: `b${i}`, page }));
}

const perListing = (r: SideRun, seconds: number) => `${((seconds * 1000) / r.listings).toFixed(1)} ms/listing`;

/** The busiest threads first: the main thread, then the others (node names them all "node"), by CPU. */
function threads(r: SideRun): string {
  const { main = 0, ...rest } = r.threadCpuSeconds;
  const others = Object.values(rest).sort((a, b) => b - a);
  const top = others.slice(0, 2).map((s) => perListing(r, s));
  const restSum = others.slice(2).reduce((a, b) => a + b, 0);
  return `main thread ${perListing(r, main)}; busiest others ${top.join(', ')}; the ${others.length - 2} more ${perListing(r, restSum)}`;
}

const rate = (r: SideRun) =>
  `${r.listings} listings in ${r.seconds.toFixed(2)} s = ${(r.listings / r.seconds).toFixed(1)} listings/s, CPU ${r.cpuSeconds.toFixed(1)} s (${perListing(r, r.cpuSeconds)}: ${threads(r)}), peak RSS ${r.maxRssMb.toFixed(0)} MB`;

/**
 * One mode, side by side: the demo market serves both crawlers from this process; each crawler is a
 * process of its own, timed from spawn to exit and credited with the unique listings it reached.
 */
async function sideBySide(label: string, n: number, page: DemoListing['page'], concurrency: number, runs: number): Promise<void> {
  process.stdout.write(`\n${label} (${n} listings, ${concurrency} at once, whole processes, ${runs} run${runs > 1 ? 's' : ''})\n`);
  const m = await startDemoMarket({ listings: market(n, page), perPage: 50 });
  try {
    for (let i = 0; i < runs; i++) {
      const ours = await faceleakSide(m.origin, page === 'static' ? 'static' : 'browser', concurrency);
      const theirs = await crawleeSide(`${m.origin}/s`, page === 'static' ? 'cheerio' : 'playwright', concurrency, CHROMIUM);
      const speedup = ours.listings / ours.seconds / (theirs.listings / theirs.seconds);
      process.stdout.write(`  faceleak crawl (Redis, classified, stored): ${rate(ours)}\n`);
      process.stdout.write(`  Crawlee ${page === 'static' ? 'CheerioCrawler' : 'PlaywrightCrawler'} (in memory, no classification): ${rate(theirs)}\n`);
      process.stdout.write(`  faceleak / Crawlee, listings per second: ${speedup.toFixed(2)}× (target ≥ 2×)\n`);
    }
  } finally {
    await m.close();
  }
}

export async function benchCrawler(): Promise<void> {
  const staticPages = Number(process.env.BENCH_STATIC_PAGES ?? 4200);
  const browserPages = Number(process.env.BENCH_BROWSER_PAGES ?? 300);
  const memoryPages = Number(process.env.BENCH_MEMORY_PAGES ?? 5000);
  const runs = Number(process.env.BENCH_CRAWL_RUNS ?? 1);
  const stale = staleBuild();
  if (stale.length > 0)
    process.stdout.write(
      `warning: dist/ is older than ${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ' …' : ''}: the figures are of the last build (npm run build)\n`,
    );
  if (staticPages > 0) await sideBySide('static pages', staticPages, 'static', 16, runs);
  if (browserPages > 0) await sideBySide('script-rendered pages', browserPages, 'spa', 4, runs);
  if (memoryPages > 0) benchWorkerMemory(memoryPages);
}

function benchWorkerMemory(memoryPages: number): void {
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
