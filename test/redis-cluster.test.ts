import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/classify.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { demoSiteConfig, startDemoMarket, type DemoMarket } from '../demo/demo-market.js';
import { startPipelineWorker } from '../pipeline/pipeline-worker.js';
import { runCrawl } from '../pipeline/run-crawl.js';
import { connectRedis, isCluster, redisReady, resolveRedisUrl, WorkQueue } from '../queue/index.js';
import { buildApp } from '../server/app.js';
import { addReportSite, createToken, listingDetail, listingsOfCrawl, openStore } from '../store/index.js';
import { FIXTURE_LISTINGS, isPageOf } from './fixtures/demo-listings.js';
import { testConfig } from './helpers/crawl-env.js';
import { keysPerNode, startRedisCluster, type RedisClusterProcess } from './helpers/redis-cluster.js';
import { STORE_KINDS } from './helpers/stores.js';

const classifier = Classifier.load();

describe('on a Redis Cluster of three masters', () => {
  let cluster: RedisClusterProcess | undefined;
  let startError: unknown;
  let market: DemoMarket | undefined;
  // Each test fails (never skips) with the reason the cluster did not start, e.g. no redis-server.
  const nodes = (): RedisClusterProcess => {
    if (!cluster) throw startError;
    return cluster;
  };

  beforeAll(async () => {
    market = await startDemoMarket({ listings: FIXTURE_LISTINGS, perPage: 4 });
    cluster = await startRedisCluster().catch((error: unknown) => {
      startError = error;
      return undefined;
    });
  }, 60_000);

  afterAll(async () => {
    // Also after a failed start or test: no redis-server outlives the file.
    await market?.close();
    await cluster?.stop();
  });

  it('is chosen by a REDIS_URL listing several nodes, or by REDIS_CLUSTER=1 with one', async () => {
    const several = testConfig('cluster-url', { REDIS_URL: nodes().url });
    expect(several.redisCluster).toBe(true);
    const one = testConfig('cluster-flag', { REDIS_URL: `redis://127.0.0.1:${nodes().ports[1]}`, REDIS_CLUSTER: '1' });
    const url = await resolveRedisUrl(one);
    const redis = connectRedis(url);
    try {
      expect(isCluster(redis)).toBe(true);
      // A key on another master is reached through the cluster's redirections.
      await redis.set(`${one.queuePrefix}:probe`, 'x', 'EX', 60);
      expect(await redis.get(`${one.queuePrefix}:probe`)).toBe('x');
    } finally {
      redis.disconnect();
    }
  });

  it('crawls the demo market as on a single Redis, and finished page jobs leave nothing behind', async () => {
    const config = testConfig('cluster-crawl', { REDIS_URL: nodes().url });
    const site = parseSiteConfig(demoSiteConfig(market!.origin));
    const result = await runCrawl({ config, redisUrl: nodes().url, site, concurrency: 4, progressEveryMs: 100, worker: { classifier } });

    expect(result.progress).toEqual({ seen: 13, done: 13, failed: 0, listings: 10, flagged: 5 });
    const store = await openStore(config);
    const rows = [];
    for await (const row of listingsOfCrawl(store, result.crawlId)) rows.push(row);
    await store.close();
    expect(rows).toHaveLength(10);
    for (const f of FIXTURE_LISTINGS) expect(rows.find((r) => isPageOf(r.canonicalUrl, f.id))?.verdict?.flagged, f.id).toBe(f.expected === 'flag');

    const redis = connectRedis(nodes().url);
    const queue = new WorkQueue(redis, config.queuePrefix);
    try {
      expect(await queue.jobCounts('waiting', 'active', 'completed', 'failed')).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0 });
    } finally {
      await queue.close();
      redis.disconnect();
    }
    // The queue, the crawl's frontier and each host's politeness keys hash to their own slots.
    expect((await keysPerNode(nodes().ports)).filter((n) => n > 0).length).toBeGreaterThan(1);
  }, 90_000);

  it('takes a moderator report through intake, its recrawl and classification', async () => {
    const t = await STORE_KINDS.sqlite();
    const config = testConfig('cluster-report', { REDIS_URL: nodes().url });
    const redis = connectRedis(nodes().url, { failFast: true });
    const queue = new WorkQueue(redis, config.queuePrefix);
    await redisReady(redis); // as the server does: a fail-fast connection refuses commands until ready
    const app = buildApp({ store: t.store, queue, redis });
    const worker = await startPipelineWorker({ config, redisUrl: nodes().url, concurrency: 2, classifier, store: t.store });
    try {
      await addReportSite(t.store, parseSiteConfig(demoSiteConfig(market!.origin)), { source: 'admin', by: 'admin-a', recrawlPrivate: true });
      const mod = await createToken(t.store, 'mod-a', 'moderator');
      const sold = FIXTURE_LISTINGS.find((f) => f.expected === 'flag' && f.page === 'static')!;
      const auth = { authorization: `Bearer ${mod}` };
      const sent = await app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: auth,
        payload: { url: `${market!.origin}/item/${sold.id}?spm=a21.0.list`, title: '看图', clientReportId: randomUUID() },
      });
      expect(sent.statusCode, sent.body).toBe(202);
      // Classified from the moderator's words first; the recrawl then adds the page as a second version.
      let state: { status: string } = { status: 'queued' };
      let versions: string[] = [];
      for (let i = 0; i < 200 && (state.status !== 'classified' || versions.length < 2); i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = (await app.inject({ method: 'GET', url: `/api/v1/reports/${sent.json().id}`, headers: auth })).json();
        const row = await t.store.db.selectFrom('listings').select(['id']).executeTakeFirst();
        versions = row ? ((await listingDetail(t.store, row.id))?.versions.map((v) => v.title ?? '') ?? []) : [];
      }
      expect(state).toMatchObject({ status: 'classified' });
      const [row] = await t.store.db.selectFrom('listings').select(['id', 'flagged']).execute();
      expect(row).toMatchObject({ flagged: 1 });
      // The moderator's words and the recrawled page, as two versions of one listing.
      expect(versions).toEqual(['看图', sold.title]);
    } finally {
      await worker.close();
      await app.close();
      await queue.close();
      redis.disconnect();
      await t.cleanup();
    }
  }, 60_000);
});
