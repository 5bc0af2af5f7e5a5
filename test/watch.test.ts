import { afterEach, describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/classify.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { demoSiteConfig, startDemoMarket, type DemoListing } from '../demo/demo-market.js';
import { runWatch, stopWatch, watchIdOf } from '../pipeline/index.js';
import { connectRedis, WorkQueue } from '../queue/index.js';
import { openStore, type Store } from '../store/index.js';
import { FIXTURE_LISTINGS } from './fixtures/demo-listings.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { oneVisitPerListing, pendingVisits } from './helpers/watch-visits.js';

const classifier = Classifier.load();
const scope = crawlTestScope();
let stores: Store[] = [];
afterEach(async () => {
  for (const s of stores) await s.close();
  stores = [];
});

// Pages a crawl reads without Chromium (static HTML and JSON-LD): the watch's conditional requests are static.
const WATCHED = FIXTURE_LISTINGS.filter((l) => l.page !== 'spa');
const INDEX_MS = 2000;
const LISTING_MS = 2000;
const NEW_LISTING: DemoListing = {
  id: 'w1',
  title: '人脸四件套 打包出 一套八十',
  description: '身份证正反面加手持照加人脸视频，量大从优，加V详聊，包过审核',
  price: '¥80/套',
  seller: '新来的',
  lang: 'zh',
  expected: 'flag',
  page: 'static',
};

const pathOf = (l: Pick<DemoListing, 'id' | 'page'>) => `/${l.page === 'static' ? 'item' : 'p'}/${l.id}`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const row = (store: Store, id: string) => store.db.selectFrom('listings').selectAll().where('canonical_url', 'like', `%/${id}`).executeTakeFirst();

describe('a watched demo market', () => {
  it('finds a new listing within one index interval, versions an edit, marks takedowns with their time, and fetches nothing it need not', async () => {
    const market = await startDemoMarket({ listings: structuredClone(WATCHED), perPage: 4 });
    scope.market = market;
    const config = testConfig('watch');
    scope.prefix = config.queuePrefix;
    const site = parseSiteConfig(
      demoSiteConfig(market.origin, { revisit: { index: `${INDEX_MS / 1000}s`, listing: `${LISTING_MS / 1000}s` }, removedPattern: '/removed' }),
    );
    const store = await openStore(config);
    stores.push(store);
    const watch = (signal: AbortSignal) =>
      runWatch({ config, redisUrl: TEST_REDIS_URL, site, concurrency: 4, signal, statsEveryMs: 200, worker: { classifier, store } });

    let stop = new AbortController();
    let running = watch(stop.signal);
    // The first poll reads the whole index (every listing is new) and stores each listing once.
    await until('the first poll', async () => (await store.db.selectFrom('listings').select('id').execute()).length === WATCHED.length);

    // New: found within one index interval of being posted.
    const posted = Date.now();
    market.addListing(structuredClone(NEW_LISTING));
    const found = await until('the new listing', () => row(store, 'w1'));
    const foundAfterMs = Date.parse(found.first_seen_at) - posted;
    console.log(`new listing found ${foundAfterMs} ms after it was posted (index interval ${INDEX_MS} ms)`);
    expect(foundAfterMs).toBeLessThanOrEqual(INDEX_MS + 1000);
    expect(found.flagged).toBe(1);

    // Edited: a benign listing rewritten into a sale gets a new version and a new verdict.
    const before = (await row(store, 'f2'))!;
    expect(before.flagged).toBe(0);
    market.editListing('f2', { title: '手持身份证照 打包出 五毛一张', description: '量大从优，加V详聊，包过审核' });
    const edited = await until('the edit', async () => {
      const r = await row(store, 'f2');
      return r && r.content_hash !== before.content_hash ? r : null;
    });
    expect(edited.flagged).toBe(1);
    expect(edited.first_seen_at).toBe(before.first_seen_at);
    const versions = await store.db.selectFrom('listing_versions').select('content_hash').where('listing_id', '=', before.id).execute();
    const verdicts = await store.db.selectFrom('verdicts').select(['content_hash', 'flagged']).where('listing_id', '=', before.id).execute();
    expect(versions).toHaveLength(2);
    expect(verdicts.map((v) => v.flagged).sort()).toEqual([0, 1]);

    // Removed: 404, 410, and a redirect to the site's removed page.
    const removals = { f1: 404, f3: 410, f7: 'redirect' } as const;
    const removedAt = Date.now();
    for (const [id, how] of Object.entries(removals)) market.removeListing(id, how);
    for (const [id, how] of Object.entries(removals)) {
      const r = await until(`the takedown of ${id}`, async () => {
        const x = await row(store, id);
        return x?.taken_down_at ? x : null;
      });
      expect(Date.parse(r.taken_down_at!)).toBeGreaterThanOrEqual(removedAt - 1000);
      expect(Date.parse(r.taken_down_at!) - removedAt).toBeLessThanOrEqual(LISTING_MS + 1000);
      expect(r.takedown_reason).toEqual(how === 'redirect' ? expect.stringMatching(/^redirected to the removed page .*\/removed\?id=f7$/) : `HTTP ${how}`);
    }
    const hitsAtTakedown = Object.keys(removals).map((id) => market.hits.get(pathOf(WATCHED.find((l) => l.id === id)!)) ?? 0);

    // Restart: this watcher stops (as a process would), the schedule waits in Redis, a new one takes over.
    stop.abort();
    await running;
    await new Promise((r) => setTimeout(r, LISTING_MS));
    market.editListing('f4', { description: '更新：现货充足，欢迎咨询' });
    stop = new AbortController();
    running = watch(stop.signal);
    const versionsOfF4 = async () =>
      (
        await store.db
          .selectFrom('listings as l')
          .innerJoin('listing_versions as v', 'v.listing_id', 'l.id')
          .select('v.id')
          .where('l.canonical_url', 'like', '%/f4')
          .execute()
      ).length;
    const f4Before = await versionsOfF4();
    await until('the edit made while no watcher ran', async () => (await versionsOfF4()) > f4Before);
    // Two more listing intervals of steady state.
    await new Promise((r) => setTimeout(r, 2 * LISTING_MS + 500));

    const redis = connectRedis(TEST_REDIS_URL);
    const queue = new WorkQueue(redis, config.queuePrefix);
    try {
      // One pending visit per live listing, however many watchers started: no visit chain was forked.
      await oneVisitPerListing(queue, watchIdOf(site.name), WATCHED.length + 1 - Object.keys(removals).length);

      stop.abort();
      await running;

      // Nothing fetched that did not need to be: after the first fetch, every visit was conditional, and
      // every unchanged page was answered 304 (no body, not parsed, not classified, not stored).
      const unchanged = WATCHED.filter((l) => !(l.id in removals) && l.id !== 'f2' && l.id !== 'f4');
      const report: string[] = [];
      for (const l of [...unchanged, NEW_LISTING]) {
        const hits = market.hits.get(pathOf(l)) ?? 0;
        const c = market.conditional.get(pathOf(l)) ?? { asked: 0, notModified: 0 };
        report.push(`${l.id}: ${hits} requests, ${c.asked} conditional, ${c.notModified} answered 304`);
        expect(hits, l.id).toBeGreaterThanOrEqual(3);
        expect(c.asked, l.id).toBe(hits - 1);
        expect(c.notModified, l.id).toBe(c.asked);
      }
      for (const id of ['f2', 'f4']) {
        const path = pathOf(WATCHED.find((l) => l.id === id)!);
        const c = market.conditional.get(path)!;
        report.push(`${id} (edited once): ${market.hits.get(path)} requests, ${c.asked} conditional, ${c.notModified} answered 304`);
        expect(c.asked, id).toBe(market.hits.get(path)! - 1);
        expect(c.notModified, id).toBe(c.asked - 1);
      }
      // A taken-down listing is not fetched again.
      expect(Object.keys(removals).map((id) => market.hits.get(pathOf(WATCHED.find((l) => l.id === id)!)) ?? 0)).toEqual(hitsAtTakedown);
      const index = market.conditional.get('/s')!;
      report.push(`index: ${market.hits.get('/s')} requests, ${index.asked} conditional, ${index.notModified} answered 304`);
      console.log(report.join('\n'));
      // Every poll after the first read of each of the two index pages was conditional.
      expect(index.asked).toBe(market.hits.get('/s')! - 2);
      expect(index.notModified).toBeGreaterThan(0);

      // Stopping the watch drops its schedule: nothing is pending, nothing polls.
      expect(await stopWatch(config, TEST_REDIS_URL, site.name)).toBe(true);
      expect(await pendingVisits(queue, watchIdOf(site.name))).toEqual([]);
      expect((await queue.queue.getJobSchedulers()).filter((s) => s.key.startsWith(watchIdOf(site.name)))).toEqual([]);
    } finally {
      await queue.close();
      redis.disconnect();
    }
  }, 90_000);
});
