import { beforeEach, describe, expect, it } from 'vitest';
import { createToken, markTakenDown, saveListing, takedownStats } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';

const FIRST_SEEN = '2026-11-20T00:00:00.000Z';
// Listings first seen at FIRST_SEEN; a and b taken down later (3 d 4 h and 30 min), c still up.
const seed = [
  { key: 'a', category: 'id_holding_photo', down: '2026-11-23T04:00:00.000Z', reason: 'HTTP 404' },
  { key: 'b', category: 'id_holding_photo', down: '2026-11-20T00:30:00.000Z', reason: 'redirected to the removed page https://m.example/removed' },
  { key: 'c', category: 'face_bundle', down: null, reason: null },
] as const;

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`takedowns on ${kind}`, () => {
    const s = apiTestScope(open, 'api-td');
    let inv: string;
    const ids = new Map<string, number>();
    beforeEach(async () => {
      inv = await createToken(s.t.store, 'inv-td', 'investigator');
      for (const l of seed) {
        const r = await saveListing(
          s.t.store,
          {
            site: 'watched',
            url: `https://m.example/item/${l.key}`,
            canonicalUrl: `https://m.example/item/${l.key}`,
            title: `手持身份证照 ${l.key}`,
            description: null,
            price: null,
            seller: null,
            images: [],
            fetchedAt: FIRST_SEEN,
            httpStatus: 200,
            contentHash: `h-${l.key}`,
            source: 'crawl',
            crawlId: 'watch-watched',
          },
          { flagged: true, review: false, category: l.category, score: 0.9, evidence: [], modelVersion: 'm' },
        );
        ids.set(l.key, r.listingId);
        if (l.down) expect(await markTakenDown(s.t.store, r.listingId, l.down, l.reason!)).toBe(true);
      }
    });
    const get = (url: string) => s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${inv}` } });

    it('keeps the first time a listing was seen gone', async () => {
      expect(await markTakenDown(s.t.store, ids.get('a')!, '2026-11-29T00:00:00.000Z', 'HTTP 410')).toBe(false);
      const detail = (await get(`/api/v1/listings/${ids.get('a')}`)).json();
      expect(detail.takedown).toEqual({ at: '2026-11-23T04:00:00.000Z', reason: 'HTTP 404', afterSeconds: 3 * 86_400 + 4 * 3600 });
    });

    it('says "live" or "taken down after …" in the queue and the detail', async () => {
      const items = (await get('/api/v1/listings')).json().items as { id: number; availability: string }[];
      const said = Object.fromEntries(items.map((i) => [i.id, i.availability]));
      expect(said[ids.get('a')!]).toBe('taken down after 3 d 4 h');
      expect(said[ids.get('b')!]).toBe('taken down after 30 min');
      expect(said[ids.get('c')!]).toBe('live');
      const live = (await get(`/api/v1/listings/${ids.get('c')}`)).json();
      expect(live).toMatchObject({ availability: 'live', takedown: null });
    });

    it('exports time to takedown per site and category on /metrics', async () => {
      const stats = await takedownStats(s.t.store);
      expect(stats).toEqual([{ site: 'watched', category: 'id_holding_photo', count: 2, sumSeconds: 273_600 + 1800, buckets: [1, 1, 1, 1, 2, 2, 2] }]);
      const text = (await s.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).toContain('# TYPE faceleak_time_to_takedown_seconds histogram');
      expect(text).toContain('faceleak_time_to_takedown_seconds_bucket{site="watched",category="id_holding_photo",le="3600"} 1');
      expect(text).toContain('faceleak_time_to_takedown_seconds_bucket{site="watched",category="id_holding_photo",le="+Inf"} 2');
      expect(text).toContain('faceleak_time_to_takedown_seconds_count{site="watched",category="id_holding_photo"} 2');
      expect(text).toContain('faceleak_time_to_takedown_seconds_sum{site="watched",category="id_holding_photo"} 275400');
    });

    it('carries it in the export', async () => {
      const lines = (await get('/api/v1/export?format=jsonl')).body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const a = lines.find((l) => l.id === ids.get('a'));
      expect(a).toMatchObject({
        availability: 'taken down after 3 d 4 h',
        takenDownAt: '2026-11-23T04:00:00.000Z',
        takedownReason: 'HTTP 404',
        secondsToTakedown: 273_600,
      });
      expect(lines.find((l) => l.id === ids.get('c'))).toMatchObject({ availability: 'live', takenDownAt: null, secondsToTakedown: null });
      const csv = (await get('/api/v1/export?format=csv')).body;
      expect(csv.split('\n')[0]).toContain('availability,takenDownAt,takedownReason,secondsToTakedown');
      expect(csv).toContain('"taken down after 30 min"');
    });
  });
}
