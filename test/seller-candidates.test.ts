import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../contracts/index.js';
import { linkFeatures, siteOf, type LinkListing } from '../link/index.js';
import { linkStoredListing, saveListing } from '../store/index.js';
import { candidatesBuilt, candidatesSqlite } from '../store/seller-candidates.js';
import { devSet } from './helpers/link-dev-set.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

// SQLite reads a new listing's link candidates with a statement written out (no query built per
// listing); it must answer exactly what the Kysely-built query (PostgreSQL's) answers on SQLite.

const listings: LinkListing[] = devSet('dev-sellers-2.jsonl');
const verdict: Verdict = { flagged: false, review: false, category: null, score: 0.1, evidence: [], modelVersion: 'm1' };

describe('the link candidates read on SQLite', () => {
  let t: TestStore;
  const stored: Array<{ id: number; listing: Omit<LinkListing, 'id'> }> = [];
  beforeAll(async () => {
    t = await STORE_KINDS.sqlite();
    for (const [i, l] of listings.entries()) {
      const url = l.url ?? `https://${siteOf(l)}.example/item/${l.id}`;
      const fetchedAt = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
      const listing = { url, site: siteOf(l), title: l.title ?? null, description: l.description ?? null, price: l.price ?? null, seller: l.seller ?? null };
      const record = { ...listing, canonicalUrl: url, images: [], fetchedAt, httpStatus: 200, contentHash: `h${i}`, source: 'crawl' as const, crawlId: 'dev' };
      const { listingId } = await saveListing(t.store, record, verdict);
      await linkStoredListing(t.store, listingId, record, fetchedAt);
      stored.push({ id: listingId, listing });
    }
  });
  afterAll(() => t.cleanup());

  it('are the rows the built query reads, for every listing of a dev set, by its account and without one', async () => {
    let near = 0;
    for (const { id, listing } of stored) {
      const f = linkFeatures({ ...listing, id: String(id) }, String(id));
      for (const account of [f.sellerName, '']) {
        const written = await candidatesSqlite(t.store.db, id, f, account);
        expect(written).toEqual(await candidatesBuilt(t.store.db, id, f, account, false));
        near += written.filter((c) => c.near).length;
      }
    }
    expect(near).toBeGreaterThan(0); // the set has near-duplicates: the band half was exercised
  });

  it('finds no band candidate for a listing without bands, and still its account', async () => {
    // A listing whose account has others in the set.
    const sameAccount = (a: Omit<LinkListing, 'id'>, b: Omit<LinkListing, 'id'>) => a !== b && a.seller && a.seller === b.seller && a.site === b.site;
    const { id, listing } = stored.find((s) => stored.some((o) => sameAccount(s.listing, o.listing)))!;
    const f = { ...linkFeatures({ ...listing, id: String(id) }, String(id)), bands: [] };
    const written = await candidatesSqlite(t.store.db, id, f, f.sellerName);
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((c) => !c.near && c.seller_name === f.sellerName)).toBe(true);
    expect(written).toEqual(await candidatesBuilt(t.store.db, id, f, f.sellerName, false));
  });
});
