import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../contracts/index.js';
import { loadDemoListings } from '../demo/demo-market.js';
import { linkFeatures, type LinkFeatures } from '../link/index.js';
import { linkStoredListing, openStore, saveListing, type ListingRecord, type Store } from './index.js';
import { candidatesOfNearest, candidatesSqlite, MAX_CANDIDATES } from './seller-candidates.js';
import { pairText } from './seller-pairs.js';

// The store thread's band index (band-index.ts) must give the near-duplicate candidates the SQL gives,
// on a real SQLite store with relisted texts: one text relisted past MAX_CANDIDATES (so the limit and
// its ties by listing id decide), the others a few times; after reopening, after a rollback of band
// rows it had taken, and after another connection wrote band rows.

const verdict: Verdict = { flagged: false, review: false, category: null, score: 0.1, evidence: [], modelVersion: 'm1' };
const demo = loadDemoListings();
// Text 0 relisted 130 times (by several sellers), the other 47 three times each.
const texts = [...Array.from({ length: 130 }, () => 0), ...demo.flatMap((_, i) => (i === 0 ? [] : [i, i, i]))];

const record = (n: number, text: number): ListingRecord => {
  const d = demo[text]!;
  const url = `http://m.example/item/${n}`;
  return {
    site: 'demo',
    url,
    canonicalUrl: url,
    title: d.title,
    description: d.description,
    price: d.price,
    seller: `${d.seller}${n % 4}`,
    images: [],
    fetchedAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
    httpStatus: 200,
    contentHash: `h${n}`,
    source: 'crawl',
    crawlId: 'c',
  };
};
const featuresOf = (id: number, r: ListingRecord): LinkFeatures => linkFeatures({ ...r, id: String(id) }, String(id));

describe("the store thread's band index", () => {
  let dir: string;
  let store: Store;
  const stored: Array<{ id: number; f: LinkFeatures }> = [];
  const open = async () => {
    store = await openStore({ databaseUrl: join(dir, 'bands.db'), dataDir: dir }, { groupCommit: true });
    store.groupCommit!.start();
    store.bandIndex!.load();
  };
  const add = async (n: number, text: number) => {
    const r = record(n, text);
    const { listingId } = await saveListing(store, r, verdict);
    await linkStoredListing(store, listingId, r, r.fetchedAt);
    stored.push({ id: listingId, f: featuresOf(listingId, r) });
    return listingId;
  };
  /** Every stored listing's candidates by the index and by SQL, with and without its account; how many came by the index. */
  const compare = async () => {
    let indexed = 0;
    let full = 0;
    for (const { id, f } of stored) {
      const nearest = store.bandIndex!.nearest(id, f.bands, MAX_CANDIDATES);
      expect(nearest).not.toBeNull();
      const bySql = await sql<{ listing_id: number }>`
        select listing_id from link_bands where band in (select value from json_each(${JSON.stringify(f.bands)})) and listing_id != ${id}
        group by listing_id order by count(*) desc, listing_id desc limit ${MAX_CANDIDATES}`.execute(store.db);
      // The same listings in the same order: the order is what the limit cuts.
      expect(nearest).toEqual(bySql.rows.map((r) => r.listing_id));
      for (const account of [f.sellerName, ''])
        expect(await candidatesOfNearest(store.db, id, nearest!, account)).toEqual(await candidatesSqlite(store.db, id, f, account));
      indexed++;
      if (nearest!.length === MAX_CANDIDATES) full++;
    }
    return { indexed, full };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceleak-band-index-'));
    await open();
    for (const [n, text] of texts.entries()) {
      await add(n, text);
      if (n % 50 === 49) store.groupCommit!.commit();
    }
    store.groupCommit!.commit();
  }, 60_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers as the SQL for every listing of relisted texts, the limit cutting a text relisted 130 times', async () => {
    const { indexed, full } = await compare();
    expect(indexed).toBe(texts.length);
    expect(full).toBeGreaterThan(0);
  });

  it('answers the same after the store is closed and opened again, and for listings written after', async () => {
    store.groupCommit!.commit();
    await store.close();
    await open();
    expect((await compare()).indexed).toBe(stored.length);
    for (let n = texts.length; n < texts.length + 10; n++) await add(n, n % 3);
    expect((await compare()).indexed).toBe(stored.length);
  });

  it('drops band rows a rollback took back: the listing whose write failed is nobody’s candidate', async () => {
    const r = record(900, 0);
    const { listingId } = await saveListing(store, r, verdict);
    const f = featuresOf(listingId, r);
    await expect(
      store.db.transaction().execute(async (trx) => {
        await pairText(trx, listingId, f, { sellerKey: 'k', cut: 1000, sqlite: store.sqlite!, bandIndex: store.bandIndex! });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const other = stored.find((s) => s.id !== listingId && s.f.bands[0] === f.bands[0])!;
    expect(store.bandIndex!.nearest(other.id, other.f.bands, 1000)).not.toContain(listingId);
    await compare();
  });

  it("sees another connection's band rows", async () => {
    store.groupCommit!.commit(); // the other connection needs the write lock
    const other = await openStore({ databaseUrl: join(dir, 'bands.db'), dataDir: dir });
    try {
      const r = record(901, 5);
      const { listingId } = await saveListing(other, r, verdict);
      await linkStoredListing(other, listingId, r, r.fetchedAt);
      stored.push({ id: listingId, f: featuresOf(listingId, r) });
    } finally {
      await other.close();
    }
    const last = stored.at(-1)!;
    const sameText = stored.find((s) => s.id !== last.id && s.f.bands.join() === last.f.bands.join())!;
    expect(store.bandIndex!.nearest(sameText.id, sameText.f.bands, MAX_CANDIDATES)).toContain(last.id);
    expect((await compare()).indexed).toBe(stored.length);
  });
});
