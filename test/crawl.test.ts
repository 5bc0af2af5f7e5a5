import { describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/classify.js';
import { runCrawl } from '../pipeline/run-crawl.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { demoSiteConfig, startDemoMarket } from '../demo/demo-market.js';
import { crawlFailures, listingsOfCrawl, openStore } from '../store/index.js';
import { FIXTURE_LISTINGS, isPageOf } from './fixtures/demo-listings.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_POSTGRES_URL } from './helpers/stores.js';
import { TEST_REDIS_URL } from './helpers/redis.js';

const classifier = Classifier.load();
const scope = crawlTestScope();

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('a crawl of the demo market', () => {
  it('stores every listing once with its verdict, follows pagination, and never fetches what robots.txt forbids', async () => {
    scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS, perPage: 4 });
    const config = testConfig('crawl');
    scope.prefix = config.queuePrefix;
    const site = parseSiteConfig(demoSiteConfig(scope.market!.origin));
    const result = await runCrawl({ config, redisUrl: TEST_REDIS_URL, site, concurrency: 4, progressEveryMs: 100, worker: { classifier } });

    // 3 index pages + 10 listings; nothing failed.
    expect(result.progress).toMatchObject({ seen: 13, done: 13, failed: 0, listings: 10, flagged: 5 });
    const store = await openStore(config);
    try {
      const rows = await collect(listingsOfCrawl(store, result.crawlId));
      expect(rows).toHaveLength(10);
      for (const fixture of FIXTURE_LISTINGS) {
        const row = rows.find((r) => isPageOf(r.canonicalUrl, fixture.id));
        expect(row, fixture.id).toBeDefined();
        expect(row!.title).toBe(fixture.title);
        expect(row!.verdict!.flagged, `${fixture.id} ${fixture.title}`).toBe(fixture.expected === 'flag');
        // Tracking parameters are gone from the key.
        expect(row!.canonicalUrl).not.toMatch(/spm|utm_|from=/);
      }
      // The script-rendered page was rendered, not taken from its <title>.
      expect(rows.find((r) => r.canonicalUrl.endsWith('/app/f5'))!.description).toBe(FIXTURE_LISTINGS[4]!.description);
      expect(await crawlFailures(store, result.crawlId)).toEqual([]);
    } finally {
      await store.close();
    }
    // Each listing page was fetched once though the index links carry different tracking parameters.
    for (const f of FIXTURE_LISTINGS) {
      const path = `/${f.page === 'static' ? 'item' : f.page === 'jsonld' ? 'p' : 'app'}/${f.id}`;
      expect(scope.market!.hits.get(path), path).toBe(f.page === 'spa' ? 2 : 1); // SPA: the static try, then Chromium
    }
    expect(scope.market!.hits.get('/private/admin')).toBeUndefined();
    expect(scope.market!.hits.get('/robots.txt')).toBe(1);
  }, 60_000);

  it('stores into PostgreSQL the same way', async () => {
    scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS.slice(0, 4) });
    const schema = `crawl_${Date.now()}`;
    const config = testConfig('crawl-pg', { DATABASE_URL: `${TEST_POSTGRES_URL}?options=-c%20search_path%3D${schema}` });
    scope.prefix = config.queuePrefix;
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const site = parseSiteConfig(demoSiteConfig(scope.market!.origin));
      const result = await runCrawl({ config, redisUrl: TEST_REDIS_URL, site, progressEveryMs: 100, worker: { classifier } });
      expect(result.progress).toMatchObject({ listings: 4, flagged: 2, failed: 0 });
      const store = await openStore(config);
      expect(store.dialect).toBe('postgres');
      const rows = await collect(listingsOfCrawl(store, result.crawlId));
      await store.close();
      for (const f of FIXTURE_LISTINGS.slice(0, 4)) {
        expect(rows.find((r) => r.canonicalUrl.endsWith(`/${f.id}`))?.verdict?.flagged, f.id).toBe(f.expected === 'flag');
      }
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }, 60_000);

  it('refuses a site on a private address unless its config allows it, and records why', async () => {
    scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS.slice(0, 2) });
    const config = testConfig('crawl-ssrf');
    scope.prefix = config.queuePrefix;
    const site = parseSiteConfig(demoSiteConfig(scope.market!.origin, { allowPrivateNetwork: false }));
    const result = await runCrawl({ config, redisUrl: TEST_REDIS_URL, site, progressEveryMs: 100, worker: { classifier } });
    expect(result.progress).toMatchObject({ seen: 1, done: 0, failed: 1 });
    const store = await openStore(config);
    const failures = await crawlFailures(store, result.crawlId);
    await store.close();
    expect(failures[0]!.reason).toMatch(/SSRF/);
    expect(scope.market!.hits.size).toBe(0);
  }, 60_000);
});
