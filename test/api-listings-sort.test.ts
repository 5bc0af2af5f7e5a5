import { beforeEach, describe, expect, it } from 'vitest';
import { createToken, linkStoredListing, saveListing } from '../store/index.js';
import { listingRecord } from './fixtures/listing-record.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';

// GET /api/v1/listings?sort=cluster: the review queue by seller cluster size, largest first, then score.

// Three listings of one seller (one WeChat id), two of another (one phone), one alone.
const seed: Array<[description: string, score: number]> = [
  ['人脸照片打包 加V：moonfaces88', 0.7],
  ['手持身份证 薇❤moonfaces88', 0.6],
  ['证件照合集 微信 moonfaces88', 0.55],
  ['四件套 电话 139 0000 7788', 0.95],
  ['全套资料 手机 13900007788', 0.8],
  ['过人脸教程 单独一份', 0.99],
];

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`sort=cluster on ${kind}`, () => {
    const s = apiTestScope(open, 'api-ls');
    let inv: string;
    beforeEach(async () => {
      inv = await createToken(s.t.store, 'inv-s', 'investigator');
      for (const [i, [description, score]] of seed.entries()) {
        const record = listingRecord(`http://m.example/s${i}`, { description, seller: `seller${i}` });
        const { listingId } = await saveListing(s.t.store, record, {
          flagged: true,
          review: false,
          category: 'id_holding_photo',
          score,
          evidence: [],
          modelVersion: 'm',
        });
        await linkStoredListing(s.t.store, listingId, record, record.fetchedAt);
      }
    });
    const get = (url: string) => s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${inv}` } });
    const scores = (body: { items: Array<{ score: number }> }) => body.items.map((i) => i.score);

    it('lists the largest seller cluster first, then by score, page by page', async () => {
      const first = (await get('/api/v1/listings?sort=cluster&limit=4')).json();
      expect(scores(first)).toEqual([0.7, 0.6, 0.55, 0.95]);
      const second = (await get(`/api/v1/listings?sort=cluster&limit=4&cursor=${first.nextCursor}`)).json();
      expect(scores(second)).toEqual([0.8, 0.99]);
      expect(second.nextCursor).toBeNull();
      // The default order is unchanged, and a cursor only pages the order it came from.
      const byScore = (await get('/api/v1/listings?limit=2')).json();
      expect(scores(byScore)).toEqual([0.99, 0.95]);
      expect((await get(`/api/v1/listings?sort=cluster&cursor=${byScore.nextCursor}`)).json().error.code).toBe('FL_BAD_REQUEST');
      expect((await get(`/api/v1/listings?cursor=${first.nextCursor}`)).json().error.code).toBe('FL_BAD_REQUEST');
      expect((await get('/api/v1/listings?sort=size')).statusCode).toBe(400);
      // Filters still apply.
      expect(scores((await get('/api/v1/listings?sort=cluster&minScore=0.75')).json())).toEqual([0.95, 0.8, 0.99]);
    });
  });
}
