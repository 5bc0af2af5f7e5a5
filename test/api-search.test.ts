import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, createToken, saveListing } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';
import { listingRecord } from './fixtures/listing-record.js';

const ID = '440304199001011233';
const TITLES = [`手持身份证照 五毛一张 加V ${ID}`, '100% 真人 手持照', 'face_pack 打包', '纯棉四件套'];

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`search on ${kind}`, () => {
    const s = apiTestScope(open, 'api-search');
    let inv: string;
    const ids: number[] = [];
    beforeEach(async () => {
      inv = await createToken(s.t.store, 'inv-s', 'investigator');
      ids.length = 0;
      for (const [i, title] of TITLES.entries()) {
        const r = await saveListing(s.t.store, listingRecord(`http://m.example/${i}`, { title, contentHash: `h${i}` }), {
          flagged: i < 3,
          review: false,
          category: i < 3 ? 'id_holding_photo' : null,
          score: 0.9 - i / 10,
          evidence: [],
          modelVersion: 'm',
        });
        ids.push(r.listingId);
      }
    });
    const search = async (q: string) => {
      const res = await s.app.inject({ method: 'GET', url: `/api/v1/listings?q=${encodeURIComponent(q)}`, headers: { authorization: `Bearer ${inv}` } });
      expect(res.statusCode).toBe(200);
      return (res.json().items as { id: number }[]).map((i) => i.id);
    };

    it('cannot recover a masked ID number by guessing it digit by digit', async () => {
      // The attack: keep the guess that still finds the listing. The masked title shows only 44…33.
      let known = '44';
      for (let position = 2; position < 16; position++) {
        const hits: string[] = [];
        for (const digit of '0123456789') if ((await search(known + digit)).includes(ids[0]!)) hits.push(digit);
        expect(hits).toEqual([]); // no guess finds it: the search reads what the investigator is shown
        if (hits.length !== 1) break;
        known += hits[0];
      }
      // What is shown stays searchable.
      expect(await search('44')).toEqual([ids[0]]);
      expect(await search('五毛一张')).toEqual([ids[0]]);
      expect(await search(ID)).toEqual([]);
    });

    it('logs every queue read with its search', async () => {
      await search('4403');
      const log = await auditLog(s.t.store);
      expect(log.map((e) => [e.actor, e.action])).toEqual([['inv-s', 'list']]);
      expect(JSON.parse(log[0]!.detail!)).toMatchObject({ q: '4403' });
    });

    it("takes LIKE's wildcards literally", async () => {
      expect(await search('%')).toEqual([ids[1]]);
      expect(await search('_')).toEqual([ids[2]]);
      expect(await search('FACE_PACK')).toEqual([ids[2]]);
    });
  });
}
