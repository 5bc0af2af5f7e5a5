import { sql, type Kysely } from 'kysely';
import { commonCut, frequencySeller, LINK_DEFAULTS, linkFeatures, linkKey, nearDuplicate, type LinkFeatures, type LinkListing } from '../link/index.js';
import type { Store } from './open.js';
import type { Database } from './schema.js';
import { dissolveHub, unionClusters } from './seller-clusters.js';

type Db = Kysely<Database>;

/** The outcome of linking one stored listing. */
export interface LinkedListing {
  readonly clusterId: number;
  /** Links this listing made (handle and near-duplicate). */
  readonly links: number;
  /** Handles it made generic (HUB_RULE). */
  readonly newHubs: readonly string[];
}

/** Near-duplicate candidates compared per listing at most, those sharing the most bands first: a mass relist's buckets stay bounded. */
const MAX_CANDIDATES = 100;

/**
 * Adds a stored listing (its current text) to the seller clusters: its handles and shingles are kept,
 * it joins every cluster it shares a live handle with or holds a near-duplicate of (link/incremental.ts
 * gives the tests). Idempotent; a new text version of a linked listing adds the links its new text
 * makes and keeps the old ones (the old text was posted too). One transaction; on PostgreSQL an
 * advisory lock makes concurrent workers link one listing at a time (unions must not interleave).
 */
export async function linkStoredListing(store: Store, listingId: number, listing: Omit<LinkListing, 'id'>, seenAt: string): Promise<LinkedListing> {
  const f = linkFeatures({ ...listing, id: String(listingId) }, String(listingId));
  const cut = commonCut(await sellerCount(store));
  return store.db.transaction().execute(async (trx) => {
    // PostgreSQL: one linker at a time, and no wait for the disk at commit (synchronous_commit off for this
    // transaction only): clusters are derived from listings already stored durably; a crash can lose the
    // last fraction of a second of links, never corrupt them, and a listing left unlinked is linked when it
    // is next seen (pipeline/seller-linking.ts). The fsync alone took 17 ms on the CI machine.
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(1414), set_config('synchronous_commit', 'off', true)`.execute(trx);
    // A write first: SQLite takes its write lock here, before any read (a read-then-write upgrade cannot wait).
    const shingles = JSON.stringify([...f.shingles]);
    const fresh = await trx
      .insertInto('listing_sellers')
      .values({ listing_id: listingId, cluster_id: listingId, seller_key: frequencySeller(f, new Set()), seller_name: f.sellerName, shingles })
      .onConflict((oc) => oc.column('listing_id').doNothing())
      .returning('cluster_id')
      .executeTakeFirst();
    if (fresh) {
      await trx.insertInto('seller_clusters').values({ id: listingId, size: 1, first_seen: seenAt, last_seen: seenAt }).execute();
    } else {
      // A new text version of a linked listing: its latest shingles count from now on.
      await trx.updateTable('listing_sellers').set({ seller_name: f.sellerName, shingles }).where('listing_id', '=', listingId).execute();
    }
    let cluster = fresh?.cluster_id ?? (await clusterOf(trx, listingId))!;
    const hubs = await hubsAmong(trx, f.linkKeys);
    const sellerKey = frequencySeller(f, hubs);
    if (!fresh || hubs.size > 0) await trx.updateTable('listing_sellers').set({ seller_key: sellerKey }).where('listing_id', '=', listingId).execute();
    if (!fresh) await trx.updateTable('seller_clusters').set({ last_seen: seenAt }).where('id', '=', cluster).where('last_seen', '<', seenAt).execute();
    if (f.handles.length > 0) {
      await trx
        .insertInto('listing_handles')
        .values(f.handles.map((h) => ({ listing_id: listingId, handle_key: h.key, link_key: linkKey(h), kind: h.kind, raw: h.raw.slice(0, 200) })))
        .onConflict((oc) => oc.columns(['listing_id', 'handle_key']).doNothing())
        .execute();
    }
    let links = 0;
    let dissolved = false;
    const link = async (
      other: { listing_id: number; cluster_id: number },
      via: 'handle' | 'near-duplicate',
      key: string,
      nd?: { jaccard: number; shared: number },
    ) => {
      // A hub dissolved on the way may have renamed clusters: read them again then (rare), else trust what we know.
      if (dissolved) cluster = (await clusterOf(trx, listingId))!;
      const theirs = dissolved ? ((await clusterOf(trx, other.listing_id)) ?? other.cluster_id) : (clusterNow.get(other.cluster_id) ?? other.cluster_id);
      const [a, b] = other.listing_id < listingId ? [other.listing_id, listingId] : [listingId, other.listing_id];
      const inserted = await trx
        .insertInto('seller_links')
        .values({ cluster_id: cluster, a, b, via, link_key: key, jaccard: nd?.jaccard ?? null, shared: nd?.shared ?? null, created_at: seenAt })
        .onConflict((oc) => oc.columns(['a', 'b', 'via', 'link_key']).doNothing())
        .executeTakeFirst();
      links += Number(inserted.numInsertedOrUpdatedRows ?? 0n);
      const joined = await unionClusters(trx, cluster, theirs);
      // Clusters merged in this add: a row read before the merge names the old id.
      clusterNow.set(cluster, joined).set(theirs, joined);
      for (const [from, to] of clusterNow) if (to === cluster || to === theirs) clusterNow.set(from, joined);
      cluster = joined;
    };
    const clusterNow = new Map<number, number>();

    const newHubs = await linkByHandles(trx, listingId, f, hubs, seenAt, link);
    dissolved = newHubs.length > 0;
    await linkByText(trx, listingId, f, { sellerKey, cut }, new Set([...hubs, ...newHubs]), link);
    return { clusterId: dissolved ? (await clusterOf(trx, listingId))! : cluster, links, newHubs };
  });
}

async function hubsAmong(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('link_hubs').select('link_key').where('link_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.link_key));
}

async function clusterOf(db: Db, listingId: number): Promise<number | undefined> {
  return (await db.selectFrom('listing_sellers').select('cluster_id').where('listing_id', '=', listingId).executeTakeFirst())?.cluster_id;
}

type Link = (
  other: { listing_id: number; cluster_id: number },
  via: 'handle' | 'near-duplicate',
  key: string,
  nd?: { jaccard: number; shared: number },
) => Promise<void>;

/** Links by every live handle; a handle that now reaches more than hubCap sellers is made a hub instead (HUB_RULE). */
async function linkByHandles(db: Db, listingId: number, f: LinkFeatures, hubs: ReadonlySet<string>, at: string, link: Link): Promise<string[]> {
  const live = f.linkKeys.filter((k) => !hubs.has(k));
  if (live.length === 0) return [];
  const holders = await db
    .selectFrom('listing_handles as h')
    .innerJoin('listing_sellers as s', 's.listing_id', 'h.listing_id')
    .select(['h.link_key', 'h.listing_id', 's.cluster_id', 's.seller_name'])
    .where('h.link_key', 'in', live)
    .orderBy('h.listing_id')
    .execute();
  const newHubs: string[] = [];
  for (const key of live) {
    const at_ = holders.filter((r) => r.link_key === key);
    const sellers = new Set(at_.map((r) => r.seller_name)).size;
    if (sellers > LINK_DEFAULTS.hubCap) {
      await dissolveHub(db, key, sellers, at);
      newHubs.push(key);
      continue;
    }
    // One link to the first earlier holder, and one into each other cluster holding it: enough edges to rebuild from.
    const others = at_.filter((r) => r.listing_id !== listingId);
    const seen = new Set<number>();
    for (const [i, r] of others.entries()) {
      if (i > 0 && seen.has(r.cluster_id)) continue;
      seen.add(r.cluster_id);
      await link(r, 'handle', key);
    }
  }
  return newHubs;
}

/** Links near-duplicates among the listings sharing a MinHash band, after counting this listing's shingles for the boilerplate cut. */
async function linkByText(
  db: Db,
  listingId: number,
  f: LinkFeatures,
  { sellerKey, cut }: { sellerKey: string; cut: number },
  hubs: ReadonlySet<string>,
  link: Link,
): Promise<void> {
  if (f.shingles.length === 0) return;
  await countShingles(db, f.shingles, sellerKey);
  if (f.bands.length === 0) return;
  // The listings sharing the most bands first (the likeliest near-duplicates), read from the index alone;
  // only then their shingles.
  const nearest = await db
    .selectFrom('link_bands')
    .select((eb) => ['listing_id', eb.fn.countAll<number>().as('n')])
    .where('band', 'in', [...f.bands])
    .where('listing_id', '!=', listingId)
    .groupBy('listing_id')
    .orderBy('n', 'desc')
    .orderBy('listing_id', 'desc')
    .limit(MAX_CANDIDATES)
    .execute();
  const candidates =
    nearest.length === 0
      ? []
      : await db
          .selectFrom('listing_sellers')
          .select(['listing_id', 'cluster_id', 'shingles'])
          .where(
            'listing_id',
            'in',
            nearest.map((r) => r.listing_id),
          )
          .execute();
  await db
    .insertInto('link_bands')
    .values(f.bands.map((band) => ({ band, listing_id: listingId })))
    .onConflict((oc) => oc.columns(['band', 'listing_id']).doNothing())
    .execute();
  if (candidates.length === 0) return;
  const theirHandles = await db
    .selectFrom('listing_handles as h')
    .leftJoin('link_hubs as hub', 'hub.link_key', 'h.link_key')
    .select(['h.listing_id', 'h.handle_key', 'h.link_key', 'h.kind', 'h.raw', 'hub.link_key as hub'])
    .where(
      'h.listing_id',
      'in',
      candidates.map((c) => c.listing_id),
    )
    .execute();
  const allHubs = new Set([...hubs, ...theirHandles.flatMap((h) => (h.hub === null ? [] : [h.hub]))]);
  const sides = candidates.map((c) => ({
    row: c,
    shingles: Int32Array.from(JSON.parse(c.shingles) as number[]),
    handles: theirHandles
      .filter((h) => h.listing_id === c.listing_id && !allHubs.has(h.link_key))
      .map((h) => ({ kind: h.kind as LinkFeatures['handles'][number]['kind'], key: h.handle_key, raw: h.raw })),
  }));
  const common = await commonShingles(db, cut, [...new Set([...f.shingles, ...sides.flatMap((s) => [...s.shingles])])]);
  const mine = { shingles: f.shingles, handles: f.handles.filter((h) => !allHubs.has(linkKey(h))) };
  for (const side of sides) {
    const nd = nearDuplicate(mine, side, (s) => common.has(s));
    if (nd) await link(side.row, 'near-duplicate', '', nd);
  }
}

/** Records that `sellerKey` wrote these shingles: each shingle's seller count grows once per seller. */
async function countShingles(db: Db, shingles: Int32Array, sellerKey: string): Promise<void> {
  // In slices: a long description has thousands of shingles, and SQLite caps the parameters of a statement.
  for (let i = 0; i < shingles.length; i += 1000) {
    const fresh = await db
      .insertInto('shingle_sellers')
      .values([...shingles.subarray(i, i + 1000)].map((shingle) => ({ shingle, seller_key: sellerKey })))
      .onConflict((oc) => oc.columns(['shingle', 'seller_key']).doNothing())
      .returning('shingle')
      .execute();
    if (fresh.length === 0) continue;
    await db
      .insertInto('shingle_df')
      .values(fresh.map((r) => ({ shingle: r.shingle, sellers: 1 })))
      .onConflict((oc) => oc.column('shingle').doUpdateSet((eb) => ({ sellers: eb('shingle_df.sellers', '+', 1) })))
      .execute();
  }
}

/** The shingles among these that more sellers wrote than the cut allows (boilerplate). */
async function commonShingles(db: Db, cut: number, shingles: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < shingles.length; i += 500) {
    const rows = await db
      .selectFrom('shingle_df')
      .select('shingle')
      .where('shingle', 'in', shingles.slice(i, i + 500))
      .where('sellers', '>', cut)
      .execute();
    for (const r of rows) out.add(r.shingle);
  }
  return out;
}

// The seller count only moves the cut above 2,500 sellers (dfShare 0.002): counted at most once a minute per database.
const counted = new WeakMap<Store, { n: number; at: number }>();
async function sellerCount(store: Store): Promise<number> {
  const hit = counted.get(store);
  if (hit && Date.now() - hit.at < 60_000) return hit.n;
  const row = await store.db
    .selectFrom('listing_sellers')
    .select((eb) => eb.fn.count<number>('seller_key').distinct().as('n'))
    .executeTakeFirstOrThrow();
  counted.set(store, { n: Number(row.n), at: Date.now() });
  return Number(row.n);
}
