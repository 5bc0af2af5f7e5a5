import type { Store } from './open.js';

/** A seller cluster as the Sellers list shows it. */
export interface ClusterSummary {
  readonly id: number;
  readonly size: number;
  readonly sites: string[];
  readonly flagged: number;
  readonly categories: string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/** Why listings of a cluster are one seller: a shared handle, near-duplicate text, or a reworded relist by the same account. */
export interface ClusterLink {
  readonly via: 'handle' | 'near-duplicate' | 'same-seller';
  /** The handles as written that met (unmasked: the caller masks), empty for a near-duplicate. */
  readonly handles: string[];
  readonly listingIds: [number, number];
  readonly jaccard: number | null;
  readonly shared: number | null;
}

export interface ClusterDetail extends ClusterSummary {
  readonly listingIds: number[];
  /** Every handle of its listings, as written, with the listings giving it (unmasked: the caller masks). */
  readonly handles: { key: string; kind: string; listingIds: number[]; generic: boolean }[];
  readonly links: ClusterLink[];
}

/** Cursor of "largest, most recently active first": the last row's size, last seen and id. */
export type ClusterCursor = { size: number; lastSeen: string; id: number };

/** Seller clusters of at least `minSize` listings, largest then most recently active first. */
export async function listClusters(store: Store, minSize: number, cursor: ClusterCursor | null, limit: number): Promise<ClusterSummary[]> {
  let q = store.db
    .selectFrom('seller_clusters')
    .selectAll()
    .where('size', '>=', minSize)
    .orderBy('size', 'desc')
    .orderBy('last_seen', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (cursor) {
    q = q.where((eb) =>
      eb.or([
        eb('size', '<', cursor.size),
        eb.and([eb('size', '=', cursor.size), eb('last_seen', '<', cursor.lastSeen)]),
        eb.and([eb('size', '=', cursor.size), eb('last_seen', '=', cursor.lastSeen), eb('id', '<', cursor.id)]),
      ]),
    );
  }
  return summarize(store, await q.execute());
}

type ClusterRow = { id: number; size: number; first_seen: string; last_seen: string };

/** Sites, flagged count and categories of clusters' listings, in one query. */
async function summarize(store: Store, clusters: readonly ClusterRow[]): Promise<ClusterSummary[]> {
  if (clusters.length === 0) return [];
  const members = await store.db
    .selectFrom('listing_sellers as s')
    .innerJoin('listings as l', 'l.id', 's.listing_id')
    .select(['s.cluster_id', 'l.site', 'l.flagged', 'l.category'])
    .where(
      's.cluster_id',
      'in',
      clusters.map((c) => c.id),
    )
    .execute();
  return clusters.map((c) => {
    const mine = members.filter((m) => m.cluster_id === c.id);
    return {
      id: c.id,
      size: c.size,
      sites: [...new Set(mine.map((m) => m.site))].sort(),
      flagged: mine.filter((m) => m.flagged === 1).length,
      categories: [...new Set(mine.flatMap((m) => (m.category ? [m.category] : [])))].sort(),
      firstSeen: c.first_seen,
      lastSeen: c.last_seen,
    };
  });
}

/** The cluster a listing belongs to (null when it was never linked). */
export async function clusterOfListing(store: Store, listingId: number): Promise<number | null> {
  const row = await store.db.selectFrom('listing_sellers').select('cluster_id').where('listing_id', '=', listingId).executeTakeFirst();
  return row?.cluster_id ?? null;
}

/** One cluster with its listings, handles and the links that made it. */
export async function clusterDetail(store: Store, clusterId: number): Promise<ClusterDetail | null> {
  const cluster = await store.db.selectFrom('seller_clusters').selectAll().where('id', '=', clusterId).executeTakeFirst();
  if (!cluster) return null;
  const [summary] = await summarize(store, [cluster]);
  const ids = (await store.db.selectFrom('listing_sellers').select('listing_id').where('cluster_id', '=', clusterId).orderBy('listing_id').execute()).map(
    (r) => r.listing_id,
  );
  const [handleRows, linkRows, hubRows] = await Promise.all([
    store.db
      .selectFrom('listing_handles')
      .select(['listing_id', 'handle_key', 'link_key', 'kind'])
      .where('listing_id', 'in', ids)
      .orderBy('handle_key')
      .execute(),
    store.db.selectFrom('seller_links').selectAll().where('cluster_id', '=', clusterId).orderBy('id').execute(),
    store.db
      .selectFrom('link_hubs')
      .innerJoin('listing_handles as h', 'h.link_key', 'link_hubs.link_key')
      .select('link_hubs.link_key')
      .where('h.listing_id', 'in', ids)
      .execute(),
  ]);
  const hubs = new Set(hubRows.map((r) => r.link_key));
  const handles = new Map<string, { key: string; kind: string; listingIds: number[]; generic: boolean }>();
  for (const h of handleRows) {
    const entry = handles.get(h.handle_key) ?? { key: h.handle_key, kind: h.kind, listingIds: [], generic: hubs.has(h.link_key) };
    if (!entry.listingIds.includes(h.listing_id)) entry.listingIds.push(h.listing_id);
    handles.set(h.handle_key, entry);
  }
  const writtenAs = (linkKey: string, a: number, b: number) =>
    [...new Set(handleRows.filter((h) => h.link_key === linkKey && (h.listing_id === a || h.listing_id === b)).map((h) => h.handle_key))].sort();
  return {
    ...summary!,
    listingIds: ids,
    handles: [...handles.values()],
    links: linkRows.map((l) => ({
      via: l.via,
      handles: l.via === 'handle' ? writtenAs(l.link_key, l.a, l.b) : [],
      listingIds: [l.a, l.b],
      jaccard: l.jaccard,
      shared: l.shared,
    })),
  };
}

/** The contact handles read from a listing, as written (unmasked: the caller masks). */
export async function handlesOfListing(store: Store, listingId: number): Promise<string[]> {
  const rows = await store.db.selectFrom('listing_handles').select('handle_key').where('listing_id', '=', listingId).orderBy('handle_key').execute();
  return rows.map((r) => r.handle_key);
}
