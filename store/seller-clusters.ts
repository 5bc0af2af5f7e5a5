import { UnionFind } from '../link/index.js';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * The persisted union-find of seller clusters. Every listing points straight at its cluster's id
 * (listing_sellers.cluster_id); a union relabels the smaller cluster's members (union by size, so a
 * listing is relabelled at most log₂ n times over its life), which keeps "the cluster of a listing" one
 * indexed read for the API. seller_links are the edges: each carries the cluster it belongs to.
 */

type Db = Kysely<Database>;

/** Joins the clusters a and b (ids of seller_clusters); returns the id of the joined one. */
export async function unionClusters(db: Db, a: number, b: number): Promise<number> {
  if (a === b) return a;
  const rows = await db.selectFrom('seller_clusters').selectAll().where('id', 'in', [a, b]).execute();
  const ca = rows.find((r) => r.id === a);
  const cb = rows.find((r) => r.id === b);
  if (!ca || !cb) throw new Error(`seller cluster ${ca ? b : a} is missing`);
  const [big, small] = ca.size >= cb.size ? [ca, cb] : [cb, ca];
  await db.updateTable('listing_sellers').set({ cluster_id: big.id }).where('cluster_id', '=', small.id).execute();
  await db.updateTable('seller_links').set({ cluster_id: big.id }).where('cluster_id', '=', small.id).execute();
  await db
    .updateTable('seller_clusters')
    .set({
      size: big.size + small.size,
      first_seen: big.first_seen < small.first_seen ? big.first_seen : small.first_seen,
      last_seen: big.last_seen > small.last_seen ? big.last_seen : small.last_seen,
    })
    .where('id', '=', big.id)
    .execute();
  await db.deleteFrom('seller_clusters').where('id', '=', small.id).execute();
  return big.id;
}

/**
 * A handle found generic: its links go, and each cluster they were in is rebuilt from its remaining
 * links (a cluster a hub held together splits into the sellers it joined). Rare: once per hub.
 */
export async function dissolveHub(db: Db, linkKey: string, sellers: number, at: string): Promise<void> {
  await db
    .insertInto('link_hubs')
    .values({ link_key: linkKey, sellers, found_at: at })
    .onConflict((oc) => oc.column('link_key').doNothing())
    .execute();
  const touched = await db.selectFrom('seller_links').select('cluster_id').distinct().where('link_key', '=', linkKey).execute();
  await db.deleteFrom('seller_links').where('link_key', '=', linkKey).execute();
  for (const { cluster_id } of touched) await rebuildCluster(db, cluster_id);
}

async function rebuildCluster(db: Db, clusterId: number): Promise<void> {
  const members = await db
    .selectFrom('listing_sellers as s')
    .innerJoin('listings as l', 'l.id', 's.listing_id')
    .select(['s.listing_id', 'l.first_seen_at', 'l.fetched_at'])
    .where('s.cluster_id', '=', clusterId)
    .orderBy('s.listing_id')
    .execute();
  const edges = await db.selectFrom('seller_links').select(['id', 'a', 'b']).where('cluster_id', '=', clusterId).execute();
  const index = new Map(members.map((m, i) => [m.listing_id, i]));
  const sets = new UnionFind(members.length);
  for (const e of edges) if (index.has(e.a) && index.has(e.b)) sets.union(index.get(e.a)!, index.get(e.b)!);
  const parts = new Map<number, typeof members>();
  members.forEach((m, i) => parts.set(sets.find(i), [...(parts.get(sets.find(i)) ?? []), m]));
  if (parts.size <= 1) return;
  await db.deleteFrom('seller_clusters').where('id', '=', clusterId).execute();
  for (const part of parts.values()) {
    // The part holding the cluster's first listing keeps its id; the others take their first listing's.
    const id = part.some((m) => m.listing_id === clusterId) ? clusterId : part[0]!.listing_id;
    const ids = part.map((m) => m.listing_id);
    await db
      .insertInto('seller_clusters')
      .values({
        id,
        size: part.length,
        first_seen: part.map((m) => m.first_seen_at).sort()[0]!,
        last_seen: part
          .map((m) => m.fetched_at)
          .sort()
          .at(-1)!,
      })
      .execute();
    await db.updateTable('listing_sellers').set({ cluster_id: id }).where('listing_id', 'in', ids).execute();
    await db.updateTable('seller_links').set({ cluster_id: id }).where('cluster_id', '=', clusterId).where('a', 'in', ids).execute();
  }
}
