import { createHash } from 'node:crypto';
import { WARCParser } from 'warcio';
import { afterEach, describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/classify.js';
import { snapshotDirOf } from '../config/config.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { demoSiteConfig, startDemoMarket, type DemoListing, type DemoMarket } from '../demo/demo-market.js';
import { runCrawl } from '../pipeline/run-crawl.js';
import { connectRedis, WorkQueue } from '../queue/index.js';
import { buildApp } from '../server/app.js';
import { auditLog, createToken, openStore } from '../store/index.js';
import { testConfig } from './helpers/crawl-env.js';
import { deletePrefix, TEST_REDIS_URL } from './helpers/redis.js';

const classifier = Classifier.load();

// One seller, two sites, two display names, one WeChat id written two ways; a bystander on each site.
const SITE_A: DemoListing[] = [
  {
    id: 'a1',
    title: '手持身份证照 一套三张 五毛一张',
    description: '本人实拍手持身份证正反面，高清原图，量大从优。加V：fa ce88',
    price: '¥0.5/张',
    seller: '小鱼干',
    lang: 'zh',
    expected: 'flag',
    page: 'static',
  },
  {
    id: 'a2',
    title: '纯棉四件套 床上用品 1.8m床',
    description: '全棉磨毛，亲肤不起球，包邮。客服电话 400-615-3927',
    price: '¥199',
    seller: '家纺店',
    lang: 'zh',
    expected: 'benign',
    page: 'static',
  },
];
const SITE_B: DemoListing[] = [
  {
    id: 'b1',
    title: '人脸照片打包 两万套 不重样',
    description: '真人人脸照片打包出售，男女老少都有，过人脸识别。薇❤face_88',
    price: '¥300',
    seller: '鱼干铺子',
    lang: 'zh',
    expected: 'flag',
    page: 'static',
  },
  {
    id: 'b2',
    title: '二手山地车 二十一速',
    description: '九成新，可小刀，同城自提优先。客服电话 400-615-3927',
    price: '¥450',
    seller: '老李车行',
    lang: 'zh',
    expected: 'benign',
    page: 'static',
  },
];

const markets: DemoMarket[] = [];
let prefix: string | undefined;
afterEach(async () => {
  for (const m of markets.splice(0)) await m.close();
  if (prefix) {
    const r = connectRedis(TEST_REDIS_URL);
    await deletePrefix(r, prefix);
    r.disconnect();
  }
});

describe('a seller posting on two sites under two names with one WeChat id', () => {
  it('is one cluster in the API, and its evidence file holds both listings with WARC snapshots whose SHA-256 match the stored ones', async () => {
    markets.push(await startDemoMarket({ listings: SITE_A }), await startDemoMarket({ listings: SITE_B }));
    const config = testConfig('sellers');
    prefix = config.queuePrefix;
    for (const [i, name] of ['market-a', 'market-b'].entries()) {
      const site = parseSiteConfig(demoSiteConfig(markets[i]!.origin, { name }));
      const result = await runCrawl({ config, redisUrl: TEST_REDIS_URL, site, concurrency: 2, progressEveryMs: 100, worker: { classifier } });
      expect(result.progress).toMatchObject({ listings: 2, flagged: 1, failed: 0 });
    }

    const store = await openStore(config);
    const queue = new WorkQueue(connectRedis(TEST_REDIS_URL), config.queuePrefix);
    const app = buildApp({ store, queue, redis: queue.redis, snapshotDir: snapshotDirOf(config) });
    try {
      const token = await createToken(store, 'ana', 'investigator');
      const get = (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

      const list = (await get('/api/v1/sellers')).json();
      expect(list.items).toHaveLength(1); // the shared hotline links nobody
      const cluster = list.items[0];
      expect(cluster).toMatchObject({ size: 2, sites: ['market-a', 'market-b'], flagged: 2 });

      const detail = (await get(`/api/v1/sellers/${cluster.id}`)).json();
      expect(detail.listings.map((l: { seller: string }) => l.seller).sort()).toEqual(['小鱼干', '鱼干铺子']);
      expect(detail.links).toHaveLength(1);
      expect(detail.links[0]).toMatchObject({ via: 'handle', handles: ['wechat:f****8', 'wechat:f*****8'] });
      expect(JSON.stringify(detail)).not.toContain('face88'); // masked unless unmasked
      const unmasked = (await get(`/api/v1/sellers/${cluster.id}?unmask=true`)).json();
      expect(unmasked.links[0].handles).toEqual(['wechat:face88', 'wechat:face_88']);

      const queue2 = (await get('/api/v1/listings?minClusterSize=2')).json();
      expect(queue2.items.map((l: { seller: string }) => l.seller).sort()).toEqual(['小鱼干', '鱼干铺子']);

      const listingId = detail.listings[0].id as number;
      const listing = (await get(`/api/v1/listings/${listingId}`)).json();
      expect(listing.sameSeller).toMatchObject({ clusterId: cluster.id, listings: 2, sites: 2, summary: 'same seller: 2 listings on 2 sites' });
      expect(listing.sameSeller.why[0].why).toMatch(/^same contact handle wechat:/);
      expect(listing.snapshots).toHaveLength(1);
      expect(listing.handles).toHaveLength(1);
      expect(listing.handles[0]).toMatch(/^wechat:f\*+8$/);

      const exported = await get(`/api/v1/sellers/${cluster.id}/export`);
      expect(exported.statusCode).toBe(200);
      const lines = exported.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines[0]).toMatchObject({ type: 'seller-cluster', id: cluster.id, size: 2 });
      const listings = lines.slice(1);
      expect(listings.map((l) => l.site).sort()).toEqual(['market-a', 'market-b']);
      const stored = await store.db.selectFrom('listing_snapshots').select(['listing_id', 'sha256']).execute();
      for (const l of listings) {
        expect(l.snapshots).toHaveLength(1);
        const warc = Buffer.from(l.snapshots[0].warc, 'base64');
        const sha = createHash('sha256').update(warc).digest('hex');
        expect(sha).toBe(stored.find((s) => s.listing_id === l.id)!.sha256);
        expect(l.snapshots[0]).toMatchObject({ sha256: sha, intact: true });
        const types: string[] = [];
        let served = '';
        for await (const r of new WARCParser([warc])) {
          types.push(r.warcType);
          if (r.warcType === 'response') served = await r.contentText();
        }
        expect(types).toEqual(['warcinfo', 'response', 'metadata']); // a static page: nothing was rendered
        expect(served).toContain(l.id === listingId ? listing.title.slice(0, 4) : '');
      }

      const snapshot = await get(`/api/v1/snapshots/${listing.snapshots[0].id}`);
      expect(snapshot.headers).toMatchObject({
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
      });
      expect(createHash('sha256').update(snapshot.rawPayload).digest('hex')).toBe(listing.snapshots[0].sha256);
      const reads = (await auditLog(store)).filter((e) => e.action === 'snapshot-read');
      expect(reads).toHaveLength(3); // two in the export, one opened
    } finally {
      await app.close();
      await queue.close();
      queue.redis.disconnect();
      await store.close();
    }
  }, 90_000);
});
