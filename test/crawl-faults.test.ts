import { describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/classify.js';
import { runCrawl } from '../pipeline/run-crawl.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { demoSiteConfig, startDemoMarket, type DemoOptions } from '../demo/demo-market.js';
import { crawlFailures, openStore } from '../store/index.js';
import { FIXTURE_LISTINGS } from './fixtures/demo-listings.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';

const classifier = Classifier.load();
const scope = crawlTestScope();

async function crawlDemo(name: string, options: DemoOptions, site: Record<string, unknown> = {}) {
  scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS.slice(0, 4), ...options });
  const config = testConfig(name);
  scope.prefix = config.queuePrefix;
  const result = await runCrawl({
    config,
    redisUrl: TEST_REDIS_URL,
    site: parseSiteConfig(demoSiteConfig(scope.market!.origin, site)),
    progressEveryMs: 100,
    worker: { classifier },
  });
  const store = await openStore(config);
  const failures = await crawlFailures(store, result.crawlId);
  await store.close();
  return { result, failures };
}

describe('crawl faults', () => {
  it('retries 5xx with back-off until the page answers', async () => {
    const { result, failures } = await crawlDemo('retry', { failFirst: { '/item/f1': { status: 500, times: 2 } } });
    expect(result.progress).toMatchObject({ listings: 4, failed: 0 });
    expect(failures).toEqual([]);
    expect(scope.market!.hits.get('/item/f1')).toBe(3);
  }, 60_000);

  it("honours a 429's Retry-After for the whole host", async () => {
    const t0 = Date.now();
    const { result } = await crawlDemo('retry-after', { failFirst: { '/item/f1': { status: 429, times: 1 } } });
    expect(result.progress).toMatchObject({ listings: 4, failed: 0 });
    expect(scope.market!.hits.get('/item/f1')).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000); // Retry-After: 1
  }, 60_000);

  it('gives up on 404 at once and keeps the reason', async () => {
    const { result, failures } = await crawlDemo('gone', { failFirst: { '/p/f3': { status: 404, times: 99 } } });
    expect(result.progress).toMatchObject({ listings: 3, failed: 1 });
    expect(failures).toEqual([{ url: expect.stringMatching(/\/p\/f3$/), reason: expect.stringMatching(/HTTP 404/), attempts: 1 }]);
    expect(scope.market!.hits.get('/p/f3')).toBe(1);
  }, 60_000);

  it('fetches nothing when robots.txt answers 5xx', async () => {
    const { result, failures } = await crawlDemo('robots5xx', { robotsStatus: 503 });
    expect(result.progress).toMatchObject({ seen: 1, done: 0, failed: 1, listings: 0 });
    expect(failures[0]!.reason).toMatch(/robots\.txt answered 503/);
    expect([...scope.market!.hits.keys()]).toEqual(['/robots.txt']);
  }, 60_000);

  it('stops at --max-pages', async () => {
    scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS, perPage: 2 });
    const config = testConfig('max-pages');
    scope.prefix = config.queuePrefix;
    const limited = await runCrawl({
      config,
      redisUrl: TEST_REDIS_URL,
      site: parseSiteConfig(demoSiteConfig(scope.market!.origin)),
      maxPages: 5,
      progressEveryMs: 100,
      worker: { classifier },
    });
    expect(limited.progress.seen).toBe(5);
    expect(limited.progress.done + limited.progress.failed).toBe(5);
  }, 60_000);
});
