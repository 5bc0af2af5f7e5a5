import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/classify.js';
import { loadConfig } from '../config/config.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { startPipelineWorker } from '../pipeline/pipeline-worker.js';
import { demoSiteConfig, startDemoMarket, type DemoMarket } from '../demo/demo-market.js';
import { addReportSite, auditLog, createToken, listingDetail } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { STORE_KINDS } from './helpers/stores.js';

describe('a report on a site registered for recrawls', () => {
  const s = apiTestScope(STORE_KINDS.sqlite, 'recrawl');
  let market: DemoMarket;
  let mod: string;
  beforeEach(async () => {
    market = await startDemoMarket();
    mod = await createToken(s.t.store, 'mod-a', 'moderator');
  });
  afterEach(async () => market.close());

  async function reportAndWork(url: string, title: string) {
    const sent = await s.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { authorization: `Bearer ${mod}` },
      payload: { url, title, clientReportId: randomUUID() },
    });
    expect(sent.statusCode).toBe(202);
    const config = loadConfig({ QUEUE_PREFIX: s.prefix, REDIS_URL: TEST_REDIS_URL });
    const worker = await startPipelineWorker({ config, redisUrl: TEST_REDIS_URL, concurrency: 2, classifier: Classifier.load(), store: s.t.store });
    try {
      for (let i = 0; i < 100; i++) {
        const counts = await s.queue.queue.getJobCounts('waiting', 'active', 'delayed', 'completed');
        if (counts.completed! >= 1 && counts.waiting! + counts.active! + counts.delayed! === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.close();
    }
    const report = await s.app.inject({ method: 'GET', url: `/api/v1/reports/${sent.json().id}`, headers: { authorization: `Bearer ${mod}` } });
    return report.json();
  }

  it('recrawls the page for evidence, and both texts land on one listing', async () => {
    // The demo market is on loopback (allowPrivateNetwork): recrawled only because the admin said so explicitly.
    await addReportSite(s.t.store, parseSiteConfig(demoSiteConfig(market.origin)), { source: 'admin', by: 'admin-a', recrawlPrivate: true });
    // The moderator's copy says little; the page itself is what shows the sale.
    const state = await reportAndWork(`${market.origin}/item/d01?spm=a21.0.list&from=search`, '看图');
    expect(state.status).toBe('classified');
    expect(market.hits.get('/item/d01')).toBe(1);
    const rows = await s.t.store.db.selectFrom('listings').select(['id', 'site', 'canonical_url', 'flagged', 'source']).execute();
    expect(rows).toEqual([{ id: expect.any(Number), site: 'demo-market', canonical_url: `${market.origin}/item/d01`, flagged: 1, source: 'report' }]);
    const detail = await listingDetail(s.t.store, rows[0]!.id);
    expect(detail!.versions.map((v) => v.title)).toEqual(['看图', expect.stringContaining('手持身份证照')]);
    expect(detail!.reports).toHaveLength(1);
  });

  it('does not fetch a page whose host is not a registered site', async () => {
    const state = await reportAndWork(`${market.origin}/item/d01`, '手持身份证照 一套三张');
    expect(state).toMatchObject({ status: 'classified', verdict: { flagged: true } });
    expect(market.hits.get('/item/d01')).toBeUndefined();
    const rows = await s.t.store.db.selectFrom('listings').select(['site']).execute();
    expect(rows).toEqual([{ site: `reported:${market.host}` }]);
  });

  it("does not fetch a host because a crawl or a demo ran on it (the old registry's SSRF)", async () => {
    // A demo crawl once left its loopback site registered; a report then made the server fetch an internal URL.
    await s.queue.registerCrawl('demo-crawl', parseSiteConfig(demoSiteConfig(market.origin)));
    const state = await reportAndWork(`${market.origin}/internal/admin?token=x`, '手持身份证照');
    expect(state.status).toBe('classified');
    expect([...market.hits.keys()]).toEqual([]);
    expect(await s.t.store.db.selectFrom('listings').select(['site']).execute()).toEqual([{ site: `reported:${market.host}` }]);
  });

  it('files a report on a private-network site under that site but does not fetch it unless the admin allowed it', async () => {
    await addReportSite(s.t.store, parseSiteConfig(demoSiteConfig(market.origin)), { source: 'admin', by: 'admin-a', recrawlPrivate: false });
    const state = await reportAndWork(`${market.origin}/item/d01`, '手持身份证照 一套三张');
    expect(state.status).toBe('classified');
    expect(market.hits.get('/item/d01')).toBeUndefined();
    expect(await s.t.store.db.selectFrom('listings').select(['site']).execute()).toEqual([{ site: 'demo-market' }]);
    expect((await auditLog(s.t.store)).map((e) => [e.actor, e.action])).toContainEqual(['admin-a', 'site-add']);
  });
});
