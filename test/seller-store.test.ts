import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCParser } from 'warcio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../contracts/index.js';
import {
  auditLog,
  clusterDetail,
  clusterOfListing,
  linkStoredListing,
  listClusters,
  purgeSnapshots,
  readSnapshot,
  saveListing,
  saveSnapshot,
  snapshotsOf,
  type ListingRecord,
  type Store,
} from '../store/index.js';
import { textTest } from '../store/seller-pairs.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

const verdict: Verdict = { flagged: true, review: false, category: 'id_holding_photo', score: 0.9, evidence: [], modelVersion: 'm1' };
let n = 0;

/** Stores a listing and links it, as the pipeline does; returns its id. */
async function add(store: Store, over: Partial<ListingRecord> & { description: string }): Promise<number> {
  n++;
  const record: ListingRecord = {
    site: 'xianyu',
    url: `http://xianyu.example/item/${n}`,
    canonicalUrl: `http://xianyu.example/item/${n}`,
    title: null,
    price: '50',
    seller: `seller${n}`,
    images: [],
    fetchedAt: `2026-11-${String(10 + (n % 15)).padStart(2, '0')}T10:00:00.000Z`,
    httpStatus: 200,
    contentHash: `h${n}`,
    source: 'crawl',
    crawlId: 'c1',
    ...over,
  };
  const { listingId } = await saveListing(store, record, verdict);
  await linkStoredListing(store, listingId, record, record.fetchedAt);
  return listingId;
}

const AD = '本人手持身份证正反面照片，高清无水印，过人脸识别稳定，资料齐全，老客户有优惠，下单即发货。';
const RELIST = '高清无水印的手持身份证正反面照片，过人脸识别很稳定，资料都齐全，下单就发货，老客户优惠。';

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`seller clusters on ${kind}`, () => {
    let t: TestStore;
    beforeEach(async () => (t = await open()));
    afterEach(() => t.cleanup());

    it('puts two listings on two sites under two names with one disguised WeChat id in one cluster, with the handle as the reason', async () => {
      const a = await add(t.store, { description: '人脸照片打包 两万套 加V：fa ce88', seller: '小鱼干' });
      const b = await add(t.store, { site: 'taobao', description: '证件照合集 薇❤face_88 量大优惠', seller: '鱼干铺子' });
      const c = await add(t.store, { description: '九成新山地车，二十一速，可小刀，同城自提优先。' });
      const cluster = await clusterOfListing(t.store, a);
      expect(await clusterOfListing(t.store, b)).toBe(cluster);
      expect(await clusterOfListing(t.store, c)).not.toBe(cluster);
      const detail = (await clusterDetail(t.store, cluster!))!;
      expect(detail).toMatchObject({ size: 2, sites: ['taobao', 'xianyu'], listingIds: [a, b] });
      expect(detail.links).toEqual([{ via: 'handle', handles: ['wechat:face88', 'wechat:face_88'], listingIds: [a, b], jaccard: null, shared: null }]);
      const [first] = await listClusters(t.store, 2, null, 10);
      expect(first).toMatchObject({ id: cluster, size: 2 });
    });

    it('links a reworded relist that gives no handle by its text', async () => {
      const a = await add(t.store, { description: `${AD} 加V：zhangpics` });
      const b = await add(t.store, { site: 'taobao', description: RELIST });
      expect(await clusterOfListing(t.store, b)).toBe(await clusterOfListing(t.store, a));
      const detail = (await clusterDetail(t.store, (await clusterOfListing(t.store, a))!))!;
      expect(detail.links[0]).toMatchObject({ via: 'near-duplicate', listingIds: [a, b] });
    });

    it('keeps the pairs of an ad copied again and again each with the figures of its own pairwise test', async () => {
      // Candidates with one text are tested once (seller-pairs.ts TextMemo): each pair must still get its
      // own text's figures. Two sellers: no shingle is boilerplate yet (dfFloor), so nothing is left out.
      const ads = [
        ...[AD, AD, RELIST, AD, RELIST].map((description) => ({ description, seller: 'ring' })),
        ...[AD, AD].map((description) => ({ description, seller: 'copycat' })),
      ];
      const ids: number[] = [];
      for (const over of ads) ids.push(await add(t.store, over));
      const stored = await t.store.db.selectFrom('listing_sellers').select(['listing_id', 'shingles']).where('listing_id', 'in', ids).execute();
      const shingles = new Map(stored.map((r) => [r.listing_id, Int32Array.from(JSON.parse(r.shingles) as number[])]));
      const rows = await t.store.db.selectFrom('link_pairs').select(['a', 'b', 'via', 'jaccard', 'shared']).where('b', 'in', ids).execute();
      for (const r of rows)
        expect({ jaccard: Number(r.jaccard), shared: r.shared }).toEqual(textTest(r.via, shingles.get(r.a)!, shingles.get(r.b)!, new Set()));
      const key = (a: number, b: number, via: string) => `${a}|${b}|${via}`;
      const kept = new Set(rows.map((r) => key(r.a, r.b, r.via)));
      // Every two copies of one text are near-duplicates; every two listings of the account that pass the test are relists.
      for (let x = 0; x < ids.length; x++)
        for (let y = x + 1; y < ids.length; y++) {
          if (ads[x]!.description === ads[y]!.description) expect(kept).toContain(key(ids[x]!, ids[y]!, 'near-duplicate'));
          const relist = ads[x]!.seller === ads[y]!.seller && textTest('same-seller', shingles.get(ids[x]!)!, shingles.get(ids[y]!)!, new Set()) !== null;
          expect(kept.has(key(ids[x]!, ids[y]!, 'same-seller'))).toBe(relist);
        }
      expect(rows.filter((r) => r.via === 'same-seller').length).toBeGreaterThan(0);
    });

    it('stops linking through a handle once it is on the listings of more than 6 sellers, and splits what it had joined', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 8; i++) ids.push(await add(t.store, { description: `第${i}号店 商品${'甲乙丙丁戊己庚辛'[i]} 客服电话 138 0013 8000` }));
      const clusters = new Set(await Promise.all(ids.map((id) => clusterOfListing(t.store, id))));
      expect(clusters.size).toBe(8);
      expect(await listClusters(t.store, 2, null, 10)).toEqual([]);
    });

    it('links a listing once however often it is stored, and adds the links a new text makes', async () => {
      const a = await add(t.store, { description: '人脸照片打包 两万套 加V：moon_faces' });
      const b = await add(t.store, { site: 'taobao', description: '九成新山地车，二十一速，同城自提。' });
      await linkStoredListing(t.store, a, { description: '人脸照片打包 两万套 加V：moon_faces', site: 'xianyu', seller: 'x' }, '2026-11-29T00:00:00.000Z');
      expect((await clusterDetail(t.store, (await clusterOfListing(t.store, a))!))!.size).toBe(1);
      await linkStoredListing(t.store, b, { description: '换脸视频 微信 moon_faces', site: 'taobao', seller: 'y' }, '2026-11-30T00:00:00.000Z');
      const detail = (await clusterDetail(t.store, (await clusterOfListing(t.store, a))!))!;
      expect(detail).toMatchObject({ size: 2, listingIds: [a, b], lastSeen: '2026-11-30T00:00:00.000Z' });
    });
  });

  describe(`evidence snapshots on ${kind}`, () => {
    let t: TestStore;
    beforeEach(async () => (t = await open()));
    afterEach(() => t.cleanup());

    it('keeps a WARC file with the page as served and as rendered, reads it back audited, and purges it after the retention', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'faceleak-snap-'));
      const id = await add(t.store, { description: AD });
      const body = Buffer.from('<html><body><p class="desc">手持身份证</p></body></html>');
      const capture = {
        listingId: id,
        url: 'http://xianyu.example/item/1',
        fetchedAt: '2026-11-20T10:00:00.000Z',
        contentHash: 'h-snap',
        reason: 'flagged' as const,
        served: { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'transfer-encoding': 'chunked' }, body },
        rendered: '<html><body><p class="desc">手持身份证</p><p>rendered</p></body></html>',
      };
      const kept = (await saveSnapshot(t.store, dir, capture))!;
      expect(await saveSnapshot(t.store, dir, capture)).toBeNull(); // one per text version
      expect((await snapshotsOf(t.store, [id])).get(id)).toEqual([kept]);
      const read = (await readSnapshot(t.store, dir, kept.id, 'ana', 'view'))!;
      expect(read.intact).toBe(true);
      expect(createHash('sha256').update(read.warc).digest('hex')).toBe(kept.sha256);
      const records: Array<{ type: string; text: string }> = [];
      for await (const r of new WARCParser([read.warc])) records.push({ type: r.warcType, text: await r.contentText() });
      expect(records.map((r) => r.type)).toEqual(['warcinfo', 'response', 'conversion', 'metadata']);
      expect(records[1]!.text).toBe(body.toString());
      expect(records[2]!.text).toContain('rendered');
      expect(JSON.parse(records[3]!.text)).toMatchObject({ listingId: id, servedSha256: createHash('sha256').update(body).digest('hex') });
      expect((await auditLog(t.store, id)).filter((e) => e.action === 'snapshot-read')).toHaveLength(1);
      expect(await purgeSnapshots(t.store, dir, 30, new Date(Date.now() + 29 * 86_400_000))).toEqual({ deleted: 0, bytes: 0 });
      expect(await purgeSnapshots(t.store, dir, 30, new Date(Date.now() + 31 * 86_400_000))).toEqual({ deleted: 1, bytes: kept.bytes });
      expect(await readSnapshot(t.store, dir, kept.id, 'ana', 'view')).toBeNull();
    });
  });
}
