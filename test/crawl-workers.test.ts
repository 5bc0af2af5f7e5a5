import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { drained, runCrawl } from '../pipeline/run-crawl.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { demoSiteConfig, startDemoMarket } from '../demo/demo-market.js';
import { connectRedis, WorkQueue, type CrawlProgress } from '../queue/index.js';
import { listingsOfCrawl, openStore } from '../store/index.js';
import { FIXTURE_LISTINGS } from './fixtures/demo-listings.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { exited, spawnWorker } from './helpers/worker-process.js';

const scope = crawlTestScope();
const children: (ChildProcess & { output: () => string })[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

async function waitForDrain(queue: WorkQueue, crawlId: string, timeoutMs: number, until?: (p: CrawlProgress) => boolean): Promise<CrawlProgress> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const p = await queue.progress(crawlId);
    if (until ? until(p) : drained(p)) return p;
    if (Date.now() > end) throw new Error(`crawl not drained in time: ${JSON.stringify(p)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('crawl workers in separate processes', () => {
  it('share one per-host limit: requests in flight and per second hold across processes', async () => {
    scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS, delayMs: 150 });
    const config = testConfig('two-workers');
    scope.prefix = config.queuePrefix;
    const site = parseSiteConfig(demoSiteConfig(scope.market!.origin, { render: 'static', rateLimit: { requestsPerSecond: 8, maxConcurrency: 2 } }));
    const { crawlId } = await runCrawl({ config, redisUrl: TEST_REDIS_URL, site, enqueueOnly: true });
    const t0 = Date.now();
    children.push(spawnWorker(config, ['--concurrency', '4']), spawnWorker(config, ['--concurrency', '4']));
    const redis = connectRedis(TEST_REDIS_URL);
    const queue = new WorkQueue(redis, config.queuePrefix);
    try {
      const p = await waitForDrain(queue, crawlId, 60_000);
      const elapsed = Date.now() - t0;
      expect(p).toMatchObject({ done: 12, failed: 0 });
      // 8 workers' worth of concurrency, but never more than 2 listing pages in flight on the host.
      expect(scope.market!.peakInFlight()).toBeLessThanOrEqual(2);
      // 13 requests (robots + 12 pages) at 8/s after a burst of 8: at least ~0.6 s.
      expect(elapsed).toBeGreaterThanOrEqual(600);
    } finally {
      await queue.close();
      redis.disconnect();
    }
    for (const c of children) c.kill('SIGTERM');
    const codes = await Promise.all(children.map(exited));
    // The workers' own words say why, should one of them not stop cleanly.
    expect(codes, children.map((c) => c.output()).join('\n---\n')).toEqual([0, 0]);
  }, 90_000);

  it('loses nothing when a worker is killed mid-crawl', async () => {
    scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS, delayMs: 800 });
    const config = testConfig('killed-worker');
    scope.prefix = config.queuePrefix;
    const site = parseSiteConfig(demoSiteConfig(scope.market!.origin, { render: 'static' }));
    const { crawlId } = await runCrawl({ config, redisUrl: TEST_REDIS_URL, site, enqueueOnly: true });
    const redis = connectRedis(TEST_REDIS_URL);
    const queue = new WorkQueue(redis, config.queuePrefix);
    try {
      const doomed = spawnWorker(config, ['--concurrency', '4', '--lock-ms', '2000']);
      children.push(doomed);
      // Kill it while it holds listing jobs.
      await waitForDrain(queue, crawlId, 60_000, (p) => p.done >= 2);
      doomed.kill('SIGKILL');
      await exited(doomed);
      const survivor = spawnWorker(config, ['--concurrency', '4', '--lock-ms', '2000']);
      children.push(survivor);
      const p = await waitForDrain(queue, crawlId, 60_000);
      // Static mode: the 3 script-rendered fixture pages hold no listing without a browser, so 7 of 10.
      expect(p).toMatchObject({ done: 12, failed: 0, listings: 7 });
      const store = await openStore(config);
      let n = 0;
      for await (const l of listingsOfCrawl(store, crawlId)) if (l.verdict) n++;
      await store.close();
      expect(n).toBe(7);
    } finally {
      await queue.close();
      redis.disconnect();
    }
  }, 120_000);
});
