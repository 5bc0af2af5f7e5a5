// Run by crawler-bench.ts in a process of its own, so the RSS it reports is a crawl worker's alone.
// Prints one JSON line per sample on stdout: {"page", "rssMb", "chromiumMb"}.
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { runCrawl } from '../pipeline/run-crawl.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { demoSiteConfig, loadDemoListings, startDemoMarket } from '../demo/demo-market.js';
import { connectRedis, resolveRedisUrl } from '../queue/index.js';
import { benchEnv } from './bench-env.js';

const pages = Number(process.argv[2] ?? 5000);
const base = loadDemoListings();
const listings = Array.from({ length: pages }, (_, i) => ({ ...base[i % base.length]!, id: `m${i}`, page: 'spa' as const }));
const market = await startDemoMarket({ listings, perPage: 50 });
const dir = mkdtempSync(join(tmpdir(), 'faceleak-mem-'));
const config = loadConfig(benchEnv('bench-mem', dir, 'mem.db'));
const redisUrl = await resolveRedisUrl(config);
const marks = [100, 500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 7500, 10000].filter((m) => m <= pages);
const chromiumMb = () => {
  const out = execSync(`ps --ppid ${process.pid} -o pid= | xargs -r -I{} sh -c 'ps --ppid {} -o rss=; ps -p {} -o rss='`, { encoding: 'utf8' });
  return (
    out
      .split('\n')
      .filter(Boolean)
      .reduce((a, b) => a + Number(b), 0) / 1024
  );
};
await runCrawl({
  config,
  redisUrl,
  site: parseSiteConfig(demoSiteConfig(market.origin, { render: 'browser', rateLimit: { requestsPerSecond: 1000, maxConcurrency: 100 } })),
  concurrency: 4,
  progressEveryMs: 200,
  onProgress: (p) => {
    while (marks.length && p.done >= marks[0]!) {
      // After a full GC, so the figures show what is kept, not what the collector has not got to yet.
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      const mb = (n: number) => Math.round(n / 1048576);
      process.stdout.write(
        `${JSON.stringify({ page: marks.shift(), rssMb: m.rss / 1048576, heapMb: mb(m.heapUsed), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers), chromiumMb: chromiumMb() })}\n`,
      );
    }
  },
});
const redis = connectRedis(redisUrl);
const keys = await redis.keys(`${config.queuePrefix}:*`);
if (keys.length) await redis.del(...keys);
redis.disconnect();
await market.close();
process.exit(0);
