import { sql, type Kysely } from 'kysely';
import { commonCut, frequencySeller, LINK_DEFAULTS, linkFeatures, linkKey, type LinkFeatures, type LinkListing, type TextFeatures } from '../link/index.js';
import type { Dialect } from './migrations.js';
import type { Store } from './open.js';
import { inList } from './in-list.js';
import type { Database } from './schema.js';
import { recluster } from './seller-clusters.js';
import { joinCluster, joinsOne } from './seller-join.js';
import { pairText } from './seller-pairs.js';

type Db = Kysely<Database>;

/**
 * One transaction, begun with what it needs in the same round trip. PostgreSQL: one linker at a time
 * (re-clusterings must not interleave), and no wait for the disk at commit (synchronous_commit off for
 * this transaction only): clusters are derived from listings already stored durably; a crash can lose
 * the last fraction of a second of links, never corrupt them, and a listing left unlinked is linked
 * when it is next seen (pipeline/seller-linking.ts). The fsync alone took 17 ms on the CI machine.
 * SQLite: the write lock first (BEGIN IMMEDIATE), as a read-then-write upgrade cannot wait for it, and
 * no sync at its commit either, for the same reason.
 */
async function inTransaction<T>(store: Store, work: (trx: Db) => Promise<T>): Promise<T> {
  return store.db.connection().execute(async (conn) => {
    const postgres = store.dialect === 'postgres';
    // SQLite's counterpart of synchronous_commit off: this connection's commits sync the log (open.ts),
    // a link's need not; the next synced commit carries its frames to the disk with it, in order. Not
    // under a group commit (a crawl's store thread), whose transaction is open (SQLite refuses the
    // change inside one) and syncs once for the whole group anyway.
    const unsynced = !postgres && store.groupCommit === undefined;
    if (unsynced) await sql.raw('pragma synchronous = NORMAL').execute(conn);
    await sql.raw(postgres ? "begin; select pg_advisory_xact_lock(1414), set_config('synchronous_commit', 'off', true)" : 'begin immediate').execute(conn);
    try {
      const out = await work(conn);
      await sql.raw('commit').execute(conn);
      return out;
    } catch (error) {
      await sql.raw('rollback').execute(conn);
      throw error;
    } finally {
      if (unsynced) await sql.raw('pragma synchronous = FULL').execute(conn);
    }
  });
}

/** The outcome of linking one stored listing. */
export interface LinkedListing {
  readonly clusterId: number;
  /** Links made while adding it (handle, near-duplicate, same-seller). */
  readonly links: number;
  /** Handles it made generic (HUB_RULE). */
  readonly newHubs: readonly string[];
}

/**
 * Adds a stored listing (its current text) to the seller clusters, by the batch linker's rules
 * (link/link-listings.ts): its handles, shingles and band keys are kept, the text pairs it makes with
 * its candidates (sharing MinHash bands, or its site and seller name) are kept, and the clusters it
 * touches are clustered again (seller-clusters.ts). Idempotent; a new text version of a linked
 * listing adds the handles and pairs its new text makes and keeps the old ones (the old text was
 * posted too). One transaction; on PostgreSQL an advisory lock makes concurrent workers link one
 * listing at a time (re-clusterings must not interleave). `text`: the listing's textFeatures when its
 * caller computed them already (a crawl worker does, off the thread that holds the store).
 */
export async function linkStoredListing(
  store: Store,
  listingId: number,
  listing: Omit<LinkListing, 'id'>,
  seenAt: string,
  text?: TextFeatures,
): Promise<LinkedListing> {
  const f = linkFeatures({ ...listing, id: String(listingId) }, String(listingId), text);
  const cut = commonCut(await sellerCount(store));
  return inTransaction(store, async (trx) => {
    const shingles = JSON.stringify([...f.shingles]);
    const fresh = await trx
      .insertInto('listing_sellers')
      .values({
        listing_id: listingId,
        cluster_id: listingId,
        seller_key: frequencySeller(f, new Set()),
        seller_name: f.sellerName,
        shingles,
        first_seen: seenAt,
        last_seen: seenAt,
      })
      .onConflict((oc) => oc.column('listing_id').doNothing())
      .returning('cluster_id')
      .executeTakeFirst();
    if (!fresh) {
      // A new text version of a linked listing: its latest shingles count from now on.
      await trx
        .updateTable('listing_sellers')
        .set((eb) => ({
          seller_name: f.sellerName,
          shingles,
          last_seen: eb.fn<string>(store.dialect === 'postgres' ? 'greatest' : 'max', ['last_seen', eb.val(seenAt)]),
        }))
        .where('listing_id', '=', listingId)
        .execute();
    }
    const byHandle = await holdersOf(trx, store.dialect, listingId, f, seenAt);
    const sellerKey = frequencySeller(f, byHandle.hubs);
    if (!fresh || byHandle.hubs.size > 0) await trx.updateTable('listing_sellers').set({ seller_key: sellerKey }).where('listing_id', '=', listingId).execute();
    const byText = await pairText(trx, listingId, f, {
      sellerKey,
      cut,
      ...(store.sqlite ? { sqlite: store.sqlite } : {}),
      ...(store.bandIndex ? { bandIndex: store.bandIndex } : {}),
    });
    const own = fresh ? listingId : (await clusterOf(trx, listingId))!;
    const seeds = new Set([own, ...byHandle.clusters, ...byText.partners, ...byText.stale]);
    if (fresh && seeds.size === 1) {
      await trx.insertInto('seller_clusters').values({ id: listingId, size: 1, first_seen: seenAt, last_seen: seenAt }).execute();
      return { clusterId: listingId, links: 0, newHubs: byHandle.newHubs };
    }
    const join = fresh && byText.stale.length === 0 && byHandle.newHubs.length === 0 ? joinsOne(listingId, seeds, byHandle, f.linkKeys, byText.pairs) : null;
    if (join) {
      await joinCluster(trx, store.dialect, listingId, join, seenAt);
      return { clusterId: join.cluster, links: 1, newHubs: [] };
    }
    const { clusterOf: now, inserted } = await recluster(trx, seeds, cut, seenAt);
    return { clusterId: now.get(listingId)!, links: inserted, newHubs: byHandle.newHubs };
  });
}

async function clusterOf(db: Db, listingId: number): Promise<number | undefined> {
  return (await db.selectFrom('listing_sellers').select('cluster_id').where('listing_id', '=', listingId).executeTakeFirst())?.cluster_id;
}

interface Holders {
  /** Link keys found generic before this listing. */
  readonly hubs: Set<string>;
  /** Handles this listing made generic (HUB_RULE). */
  readonly newHubs: string[];
  /** The clusters holding its live handles (a handle made generic: its holders' clusters, to split them). */
  readonly clusters: number[];
  /** Per live link key, the first other listing holding it. */
  readonly firstHolder: Map<string, number>;
}

/**
 * Who else holds this listing's handles. A handle that now reaches more than hubCap sellers is made a
 * hub (HUB_RULE): its holders' clusters are clustered again, without it.
 */
async function holdersOf(db: Db, dialect: Dialect, listingId: number, f: LinkFeatures, at: string): Promise<Holders> {
  const out: Holders = { hubs: new Set(), newHubs: [], clusters: [], firstHolder: new Map() };
  if (f.linkKeys.length === 0) return out;
  // Its handles are kept in the same statement on PostgreSQL (a data-modifying CTE, whose rows the read
  // does not see: it leaves this listing out anyway); SQLite cannot, and needs no round trip.
  const keep = (q: Db) =>
    q
      .insertInto('listing_handles')
      .values(f.handles.map((h) => ({ listing_id: listingId, handle_key: h.key, link_key: linkKey(h), kind: h.kind, raw: h.raw.slice(0, 200) })))
      .onConflict((oc) => oc.columns(['listing_id', 'handle_key']).doNothing());
  if (dialect === 'sqlite') await keep(db).execute();
  const rows = await (dialect === 'postgres' ? (db.with('kept_handles', (qb) => keep(qb as Db)) as unknown as Db) : db)
    .selectFrom('listing_handles as h')
    .innerJoin('listing_sellers as s', 's.listing_id', 'h.listing_id')
    .leftJoin('link_hubs as hub', 'hub.link_key', 'h.link_key')
    .select(['h.link_key', 'h.listing_id', 's.cluster_id', 's.seller_name', 'hub.link_key as hub'])
    .where(inList(db, 'h.link_key', f.linkKeys))
    .where('h.listing_id', '!=', listingId)
    .orderBy('h.listing_id')
    .execute();
  // A hub is one for good; a key held by nobody else can be none yet.
  for (const r of rows) if (r.hub !== null) out.hubs.add(r.link_key);
  const clusters = new Set<number>();
  for (const key of f.linkKeys) {
    if (out.hubs.has(key)) continue;
    const mine = rows.filter((r) => r.link_key === key);
    mine.forEach((r) => clusters.add(r.cluster_id));
    if (mine.length > 0) out.firstHolder.set(key, mine[0]!.listing_id);
    const sellers = new Set([f.sellerName, ...mine.map((r) => r.seller_name)]).size;
    if (sellers <= LINK_DEFAULTS.hubCap) continue;
    await db
      .insertInto('link_hubs')
      .values({ link_key: key, sellers, found_at: at })
      .onConflict((oc) => oc.column('link_key').doNothing())
      .execute();
    out.newHubs.push(key);
  }
  return { ...out, clusters: [...clusters] };
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
