import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, claimListing, CLAIM_MS, createToken, liveClaims, releaseClaim, releaseClaims, saveListing, type Store } from '../store/index.js';
import { listingRecord } from './fixtures/listing-record.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

// Claims on both databases: the store's rules (one holder, expiry, one open listing per investigator)
// and the API the review page calls.

async function seedListings(store: Store, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const saved = await saveListing(store, listingRecord(`http://m.example/claims/${i}`, { title: `人脸四件套 ${i}` }), {
      flagged: true,
      review: false,
      category: 'identity_kit',
      score: 0.9 - i / 100,
      evidence: [],
      modelVersion: 'm',
    });
    ids.push(saved.listingId);
  }
  return ids;
}

const T0 = new Date('2026-11-30T12:00:00.000Z');
const after = (ms: number) => new Date(T0.getTime() + ms);

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`claims in the store on ${kind}`, () => {
    let t: TestStore;
    let ids: number[];
    beforeEach(async () => {
      t = await open();
      ids = await seedListings(t.store, 3);
    });
    afterEach(() => t.cleanup());

    it('gives a listing to the first investigator and answers the second with that claim', async () => {
      const a = ids[0]!;
      const anas = { listingId: a, by: 'ana', until: after(CLAIM_MS).toISOString() };
      expect(await claimListing(t.store, a, 'ana', { now: T0 })).toEqual({ ...anas, renewed: false });
      expect(await claimListing(t.store, a, 'bob', { now: after(1000) })).toEqual({ ...anas, renewed: false });
      // Ana opening it again renews her claim.
      expect(await claimListing(t.store, a, 'ana', { now: after(60_000) })).toMatchObject({ until: after(60_000 + CLAIM_MS).toISOString(), renewed: true });
    });

    it('lets a claim lapse after its time, and the next investigator take it', async () => {
      const a = ids[0]!;
      await claimListing(t.store, a, 'ana', { now: T0 });
      expect(await liveClaims(t.store, [a], after(CLAIM_MS - 1))).toHaveLength(1);
      expect(await liveClaims(t.store, [a], after(CLAIM_MS))).toEqual([]);
      expect((await claimListing(t.store, a, 'bob', { now: after(CLAIM_MS) }))!.by).toBe('bob');
    });

    it('holds one listing per investigator: opening another ends the first claim', async () => {
      await claimListing(t.store, ids[0]!, 'ana', { now: T0 });
      await claimListing(t.store, ids[1]!, 'bob', { now: T0 });
      await claimListing(t.store, ids[2]!, 'ana', { now: after(1000) });
      expect((await liveClaims(t.store, undefined, after(2000))).map((c) => [c.listingId, c.by])).toEqual([
        [ids[1], 'bob'],
        [ids[2], 'ana'],
      ]);
    });

    it('releases only the caller’s own claim, and every claim of decided listings', async () => {
      await claimListing(t.store, ids[0]!, 'ana');
      await claimListing(t.store, ids[1]!, 'bob');
      expect(await releaseClaim(t.store, ids[0]!, 'bob')).toBe(false);
      expect(await liveClaims(t.store)).toHaveLength(2);
      expect(await releaseClaim(t.store, ids[0]!, 'ana')).toBe(true);
      await releaseClaims(t.store, [ids[1]!, ids[2]!]);
      expect(await liveClaims(t.store)).toEqual([]);
    });

    it('gives one winner when two investigators open a listing at the same moment', async () => {
      const a = ids[0]!;
      const claims = await Promise.all(['ana', 'bob', 'cy', 'dee'].map((who) => claimListing(t.store, a, who, { now: T0 })));
      const holders = new Set(claims.map((c) => c!.by));
      expect(holders.size).toBe(1);
      expect((await liveClaims(t.store, [a], T0)).map((c) => c.by)).toEqual([...holders]);
    });

    it('claims nothing for a listing that does not exist', async () => {
      expect(await claimListing(t.store, 999_999, 'ana')).toBeNull();
    });
  });

  describe(`the claims API on ${kind}`, () => {
    const s = apiTestScope(open, 'api-claims');
    let ana: string;
    let bob: string;
    let mod: string;
    let ids: number[];
    beforeEach(async () => {
      ana = await createToken(s.t.store, 'ana', 'investigator');
      bob = await createToken(s.t.store, 'bob', 'investigator');
      mod = await createToken(s.t.store, 'mod-a', 'moderator');
      ids = await seedListings(s.t.store, 3);
    });
    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: object) =>
      s.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
    const queueClaims = async (token: string) =>
      ((await call('GET', '/api/v1/listings', token)).json().items as { id: number; claim: unknown }[]).map((i) => [i.id, i.claim]);

    it('claims the listing opened, shows it to the others in the queue, and audits the claim', async () => {
      const res = await call('POST', `/api/v1/listings/${ids[0]}/claim`, ana);
      expect(res.statusCode).toBe(200);
      const claim = res.json();
      expect(claim).toMatchObject({ listingId: ids[0], by: 'ana', yours: true });
      expect(Date.parse(claim.until) - Date.now()).toBeGreaterThan(CLAIM_MS - 60_000);
      expect(await queueClaims(bob)).toEqual([
        [ids[0], { by: 'ana', until: claim.until }],
        [ids[1], null],
        [ids[2], null],
      ]);
      // Bob may still open it: he is told it is Ana's, and her claim stays.
      expect((await call('POST', `/api/v1/listings/${ids[0]}/claim`, bob)).json()).toMatchObject({ by: 'ana', yours: false });
      expect((await call('GET', '/api/v1/claims', bob)).json().items).toEqual([{ listingId: ids[0], by: 'ana', until: claim.until }]);
      // Ana's page renewing her claim is not logged again.
      expect((await call('POST', `/api/v1/listings/${ids[0]}/claim`, ana)).json()).toMatchObject({ by: 'ana', yours: true });
      const log = (await auditLog(s.t.store, ids[0])).map((e) => [e.actor, e.action, e.detail]);
      expect(log).toEqual([
        ['ana', 'claim', `until ${claim.until}`],
        ['bob', 'claim', `held by ana until ${claim.until}`],
      ]);
    });

    it('releases the claim when the listing is decided, alone or in bulk', async () => {
      await call('POST', `/api/v1/listings/${ids[0]}/claim`, ana);
      await call('POST', `/api/v1/listings/${ids[1]}/claim`, bob);
      expect((await call('POST', `/api/v1/listings/${ids[0]}/decision`, ana, { decision: 'confirmed' })).statusCode).toBe(201);
      expect((await call('GET', '/api/v1/claims', ana)).json().items.map((c: { by: string }) => c.by)).toEqual(['bob']);
      // Ana decides Bob's listing in bulk: it is decided, so his claim has nothing left to hold.
      expect((await call('POST', '/api/v1/decisions', ana, { ids: [ids[1]], decision: 'dismissed' })).statusCode).toBe(201);
      expect((await call('GET', '/api/v1/claims', ana)).json().items).toEqual([]);
    });

    it('releases only your own claim', async () => {
      await call('POST', `/api/v1/listings/${ids[0]}/claim`, ana);
      expect((await call('DELETE', `/api/v1/listings/${ids[0]}/claim`, bob)).json()).toEqual({ listingId: ids[0], released: false });
      expect((await call('DELETE', `/api/v1/listings/${ids[0]}/claim`, ana)).json()).toEqual({ listingId: ids[0], released: true });
      expect((await call('GET', '/api/v1/claims', ana)).json().items).toEqual([]);
    });

    it('answers bad input and the wrong caller with JSON error codes', async () => {
      const code = async (res: Promise<{ statusCode: number; json(): { error: { code: string } } }>) => {
        const r = await res;
        return [r.statusCode, r.json().error.code];
      };
      expect(await code(call('POST', '/api/v1/listings/abc/claim', ana))).toEqual([404, 'FL_NOT_FOUND']);
      expect(await code(call('POST', '/api/v1/listings/999999/claim', ana))).toEqual([404, 'FL_NOT_FOUND']);
      expect(await code(call('POST', `/api/v1/listings/${ids[0]}/claim`, ana, { by: 'bob' }))).toEqual([400, 'FL_BAD_REQUEST']);
      expect(await code(call('POST', `/api/v1/listings/${ids[0]}/claim?minutes=60`, ana))).toEqual([400, 'FL_BAD_REQUEST']);
      expect(await code(call('DELETE', '/api/v1/listings/0/claim', ana))).toEqual([404, 'FL_NOT_FOUND']);
      expect(await code(call('POST', `/api/v1/listings/${ids[0]}/claim`, mod))).toEqual([403, 'FL_FORBIDDEN']);
      expect(await code(call('GET', '/api/v1/claims', mod))).toEqual([403, 'FL_FORBIDDEN']);
      expect(await code(call('POST', `/api/v1/listings/${ids[0]}/claim`, 'not-a-token'))).toEqual([401, 'FL_UNAUTHORIZED']);
      expect(await liveClaims(s.t.store)).toEqual([]);
    });
  });
}
