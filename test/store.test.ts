import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../contracts/index.js';
import { crawlFailures, listingsOfCrawl, recordCrawlFailure, saveListing, type ListingRecord } from '../store/index.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

const record = (over: Partial<ListingRecord> = {}): ListingRecord => ({
  site: 'demo',
  url: 'http://m.example/item/1?utm_source=x',
  canonicalUrl: 'http://m.example/item/1',
  title: '手持身份证照 五毛一张',
  description: null,
  price: '0.5',
  seller: 's1',
  images: ['http://m.example/i/1.jpg'],
  fetchedAt: '2026-11-23T10:00:00.000Z',
  httpStatus: 200,
  contentHash: 'h1',
  source: 'crawl',
  crawlId: 'c1',
  ...over,
});

const verdict = (over: Partial<Verdict> = {}): Verdict => ({
  flagged: true,
  review: false,
  category: 'id_holding_photo',
  score: 0.97,
  evidence: [{ field: 'title', start: 0, end: 6, text: '手持身份证照', reason: 'coded term' }],
  modelVersion: 'm1',
  ...over,
});

const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`the store on ${kind}`, () => {
    let t: TestStore;
    beforeEach(async () => (t = await open()));
    afterEach(() => t.cleanup());

    it('keeps one listing per site and canonical URL however often it is saved', async () => {
      const a = await saveListing(t.store, record(), verdict());
      const b = await saveListing(t.store, record({ url: 'http://m.example/item/1?spm=9' }), verdict());
      expect(a).toMatchObject({ isNew: true, isNewVersion: true });
      expect(b).toMatchObject({ listingId: a.listingId, isNew: false, isNewVersion: false });
      const rows = await collect(listingsOfCrawl(t.store, 'c1'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        url: 'http://m.example/item/1?spm=9',
        images: ['http://m.example/i/1.jpg'],
        verdict: { flagged: true, modelVersion: 'm1' },
      });
      expect(rows[0]!.verdict!.evidence[0]!.text).toBe('手持身份证照');
    });

    it('keeps the history of a listing whose text changed, and the verdict on the current text', async () => {
      const { listingId } = await saveListing(t.store, record(), verdict());
      const edited = await saveListing(
        t.store,
        record({ title: '纯棉四件套', contentHash: 'h2', fetchedAt: '2026-11-24T00:00:00.000Z' }),
        verdict({ flagged: false, category: null, score: 0.01 }),
      );
      expect(edited).toMatchObject({ listingId, isNewVersion: true });
      const versions = await t.store.db
        .selectFrom('listing_versions')
        .select(['title', 'content_hash'])
        .where('listing_id', '=', listingId)
        .orderBy('id')
        .execute();
      expect(versions.map((v) => v.title)).toEqual(['手持身份证照 五毛一张', '纯棉四件套']);
      const [row] = await collect(listingsOfCrawl(t.store, 'c1'));
      expect(row).toMatchObject({ title: '纯棉四件套', contentHash: 'h2', verdict: { flagged: false, score: 0.01 } });
    });

    it('keeps one verdict per model version of the same text', async () => {
      const { listingId } = await saveListing(t.store, record(), verdict());
      await saveListing(t.store, record(), verdict());
      await saveListing(t.store, record(), verdict({ modelVersion: 'm2', score: 0.9 }));
      const verdicts = await t.store.db.selectFrom('verdicts').select('model_version').where('listing_id', '=', listingId).execute();
      expect(verdicts.map((v) => v.model_version).sort()).toEqual(['m1', 'm2']);
      const [row] = await collect(listingsOfCrawl(t.store, 'c1'));
      expect(row!.verdict!.modelVersion).toBe('m2');
    });

    it('records crawl failures with their reason, once per URL', async () => {
      await recordCrawlFailure(t.store, { crawlId: 'c1', site: 'demo', url: 'http://m.example/x', reason: 'HTTP 503', attempts: 1 });
      await recordCrawlFailure(t.store, { crawlId: 'c1', site: 'demo', url: 'http://m.example/x', reason: 'HTTP 404', attempts: 3 });
      expect(await crawlFailures(t.store, 'c1')).toEqual([{ url: 'http://m.example/x', reason: 'HTTP 404', attempts: 3 }]);
    });
  });
}
