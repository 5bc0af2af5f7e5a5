import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../contracts/index.js';
import { linkListings, siteOf, type LinkListing } from '../link/index.js';
import { clusterOfListing, linkStoredListing, saveListing } from '../store/index.js';
import { BRIDGE_LISTINGS } from './helpers/bridge-listings.js';
import { devSet } from './helpers/link-dev-set.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

// Issue 14: the store, linking listings one at a time as they are stored, ends with the clusters the
// batch linker (`faceleak link`) finds in the same listings at once.

const listings = devSet('dev-sellers-2.jsonl');

const verdict: Verdict = { flagged: false, review: false, category: null, score: 0.1, evidence: [], modelVersion: 'm1' };

/** Every pair of listing ids in one cluster, "a|b" with a < b, sorted. */
function samePairs(clusters: ReadonlyArray<readonly string[]>): string[] {
  const pairs: string[] = [];
  for (const ids of clusters) {
    const sorted = [...ids].sort();
    for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y < sorted.length; y++) pairs.push(`${sorted[x]}|${sorted[y]}`);
  }
  return pairs.sort();
}

/** Stores the listings one at a time, linking each as it arrives; returns the listing ids of each stored cluster. */
async function storeOneByOne(t: TestStore, list: readonly LinkListing[]): Promise<string[][]> {
  const idOf = new Map<number, string>();
  for (const [i, l] of list.entries()) {
    const fetchedAt = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    const url = l.url ?? `https://${siteOf(l)}.example/item/${l.id}`;
    const record = {
      site: siteOf(l),
      url,
      canonicalUrl: url,
      title: l.title ?? null,
      description: l.description ?? null,
      price: l.price ?? null,
      seller: l.seller ?? null,
      images: [],
      fetchedAt,
      httpStatus: 200,
      contentHash: `h${i}`,
      source: 'crawl' as const,
      crawlId: 'dev',
    };
    const { listingId } = await saveListing(t.store, record, verdict);
    await linkStoredListing(t.store, listingId, record, fetchedAt);
    idOf.set(listingId, l.id);
  }
  const byCluster = new Map<number, string[]>();
  for (const [listingId, id] of idOf) {
    const cluster = (await clusterOfListing(t.store, listingId))!;
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), id]);
  }
  return [...byCluster.values()];
}

const SETS: ReadonlyArray<readonly [string, readonly LinkListing[]]> = [
  ['link/dev-data/dev-sellers-2.jsonl', listings],
  // Written apart from the rules: new disguises, and relists naming a new contact after a ban (link/handle-rules.ts isRenewed).
  ['link/dev-data/dev-sellers-3.jsonl', devSet('dev-sellers-3.jsonl')],
  // A shared line that two sellers' ads join and a third's splits again (link/link-order.ts bridgeKeys).
  ['a line on three sellers’ ads (link/link-order.test.ts)', BRIDGE_LISTINGS],
];

// Sets on which the store is known to differ from the batch (issue 14 open): dev-sellers-4, a Hong Kong
// analyst's world written on 2026-12-02, differs by four pairs on both databases: the batch links
// t024~t044 and t065~t080~t105, the store does not. The store tests a pair when its later listing
// arrives, with the boilerplate cut of the listings seen by then: a footer not yet on six sellers' ads
// still counts, and the pair's Jaccard is 0.17 and 0.20 then, 0.31 and 0.29 with the whole file's cut;
// a shingle becoming boilerplate later re-tests the clusters its links made, not the pairs that failed.
// (t015~t030~t091, which the store linked and the batch did not, both link since upside-down ids are
// read.) Marked as failing so the day they agree it turns red and moves to SETS.
const DIVERGING: ReadonlyArray<readonly [string, readonly LinkListing[]]> = [['link/dev-data/dev-sellers-4.jsonl', devSet('dev-sellers-4.jsonl')]];

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  for (const [name, list] of DIVERGING) {
    describe(`the store's clusters on ${kind}`, () => {
      let t: TestStore;
      beforeAll(async () => (t = await open()));
      afterAll(() => t.cleanup());

      it.fails(`differ from linkListings on ${name} (known divergence)`, { timeout: 60_000 }, async () => {
        const stored = await storeOneByOne(t, list);
        expect(samePairs(stored)).toEqual(samePairs(linkListings(list, { names: false, mentions: false }).clusters.map((c) => c.listingIds)));
      });
    });
  }
  for (const [name, list] of SETS) {
    describe(`the store's clusters on ${kind}`, () => {
      let t: TestStore;
      beforeAll(async () => (t = await open()));
      afterAll(() => t.cleanup());

      it(`equal linkListings on ${name} when its listings are stored one at a time`, { timeout: 60_000 }, async () => {
        const stored = await storeOneByOne(t, list);
        // The store does not link by seller names nor by ids mentioned without a cue yet (link/kin-links.ts,
        // name-handles.ts, mentions.ts): it equals the batch without them, and is a part of the full batch.
        const batch = linkListings(list, { names: false, mentions: false }).clusters.map((c) => c.listingIds);
        expect(samePairs(stored)).toEqual(samePairs(batch));
        const full = new Set(samePairs(linkListings(list).clusters.map((c) => c.listingIds)));
        expect(samePairs(stored).filter((p) => !full.has(p))).toEqual([]);
      });
    });
  }
}
