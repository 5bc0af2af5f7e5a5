import { sql, type Kysely } from 'kysely';
import type { Dialect } from './migrations.js';
import type { Database } from './schema.js';
import type { TextPair } from './seller-pairs.js';
import type { LinkVia } from './sellers-schema.js';

/**
 * The common add, without clustering again: a new listing whose every link goes into one cluster, and
 * whose live handles that cluster holds already (or which has none), joins it. The batch linker would
 * give the same: the cluster's handles are the same with it, so no veto inside it changes, and it
 * shares a handle with the cluster or its handles are none (nothing to veto). Anything else (a second
 * cluster, a handle new to it, a hub, a boilerplate phrase) is left to recluster (seller-clusters.ts).
 */

type Db = Kysely<Database>;

export interface Join {
  readonly cluster: number;
  /** The one link that records why (the first handle's first holder, else the strongest text pair). */
  readonly link: { a: number; b: number; via: LinkVia; link_key: string; jaccard: number | null; shared: number | null };
}

export function joinsOne(
  listingId: number,
  seeds: ReadonlySet<number>,
  byHandle: { readonly hubs: ReadonlySet<string>; readonly firstHolder: ReadonlyMap<string, number> },
  keys: readonly string[],
  pairs: readonly TextPair[],
): Join | null {
  const others = [...seeds].filter((c) => c !== listingId);
  // Cluster ids are their smallest listing's: a listing linked out of id order is clustered again.
  if (others.length !== 1 || others[0]! > listingId) return null;
  const live = keys.filter((k) => !byHandle.hubs.has(k));
  if (live.some((k) => !byHandle.firstHolder.has(k))) return null;
  if (live.length > 0) {
    const key = live[0]!;
    return { cluster: others[0]!, link: { a: byHandle.firstHolder.get(key)!, b: listingId, via: 'handle', link_key: key, jaccard: null, shared: null } };
  }
  const near = pairs.filter((p) => p.via === 'near-duplicate').sort((x, y) => y.jaccard - x.jaccard || x.a - y.a);
  const best = near[0] ?? pairs[0];
  return best ? { cluster: others[0]!, link: { ...best, link_key: '' } } : null;
}

export async function joinCluster(db: Db, dialect: Dialect, listingId: number, join: Join, at: string): Promise<void> {
  const l = join.link;
  if (dialect === 'postgres') {
    // One round trip: the three writes as one statement (PostgreSQL runs every data-modifying CTE).
    await sql`
      with moved as (update listing_sellers set cluster_id = ${join.cluster} where listing_id = ${listingId}),
      grown as (
        update seller_clusters set size = size + 1, first_seen = least(first_seen, ${at}), last_seen = greatest(last_seen, ${at})
        where id = ${join.cluster}
      )
      insert into seller_links (cluster_id, a, b, via, link_key, jaccard, shared, created_at)
      values (${join.cluster}, ${l.a}, ${l.b}, ${l.via}, ${l.link_key}, ${l.jaccard}, ${l.shared}, ${at})
      on conflict (a, b, via, link_key) do nothing`.execute(db);
    return;
  }
  await db.updateTable('listing_sellers').set({ cluster_id: join.cluster }).where('listing_id', '=', listingId).execute();
  await db
    .updateTable('seller_clusters')
    .set({ size: sql`size + 1`, first_seen: sql`min(first_seen, ${at})`, last_seen: sql`max(last_seen, ${at})` })
    .where('id', '=', join.cluster)
    .execute();
  await db
    .insertInto('seller_links')
    .values({ ...l, cluster_id: join.cluster, created_at: at })
    .onConflict((oc) => oc.columns(['a', 'b', 'via', 'link_key']).doNothing())
    .execute();
}
