import type { Generated } from 'kysely';

// Tables of seller linking and evidence snapshots (migration 0009-sellers, see sellers-migration.ts).

export interface SellerClustersTable {
  /** The id of the listing the cluster started from (stable while the cluster grows). */
  id: number;
  size: number;
  first_seen: string;
  last_seen: string;
}

export interface ListingSellersTable {
  listing_id: number;
  cluster_id: number;
  /** What the listing's shingles count for in the boilerplate cut: its first live handle, else its seller name. */
  seller_key: string;
  /** Site + seller name as the marketplace shows it (the hub rule counts these). */
  seller_name: string;
  /** JSON array of signed 32-bit shingle hashes, sorted. */
  shingles: string;
  /** When the listing was first and last linked (0011-relink): a re-clustered part takes its dates from these. */
  first_seen: string;
  last_seen: string;
}

export interface ListingHandlesTable {
  listing_id: number;
  /** kind:canonical as written ("wechat:face_88"). */
  handle_key: string;
  /** What links compare ("wechat:face88"). */
  link_key: string;
  kind: string;
  /** The folded text it was read from. */
  raw: string;
}

export interface SellerLinksTable {
  id: Generated<number>;
  cluster_id: number;
  a: number;
  b: number;
  via: LinkVia;
  /** The handle's link key; '' for a text link. */
  link_key: string;
  jaccard: number | null;
  shared: number | null;
  created_at: string;
}

/** A handle shared, near-duplicate text, or a relist by one account (same site and seller name). */
export type LinkVia = 'handle' | 'near-duplicate' | 'same-seller';

/** A text pair that passed the pairwise test (0011-relink); the cluster veto decides whether it links. */
export interface LinkPairsTable {
  a: number;
  b: number;
  via: 'near-duplicate' | 'same-seller';
  jaccard: number;
  shared: number;
}

/** Listings to re-link at the next open (0011-relink). */
export interface RelinkPendingTable {
  listing_id: number;
}

export interface LinkBandsTable {
  band: number;
  listing_id: number;
}

export interface ShingleSellersTable {
  shingle: number;
  seller_key: string;
}

export interface ShingleDfTable {
  shingle: number;
  sellers: number;
}

export interface LinkHubsTable {
  link_key: string;
  sellers: number;
  found_at: string;
}

/** A WARC file of what was fetched for a flagged or reported listing; never images or media. */
export interface ListingSnapshotsTable {
  id: Generated<number>;
  listing_id: number;
  /** The listing text version it was fetched with. */
  content_hash: string;
  reason: 'flagged' | 'reported';
  /** Path under SNAPSHOT_DIR. */
  file: string;
  /** SHA-256 (hex) of the WARC file. */
  sha256: string;
  bytes: number;
  fetched_at: string;
  created_at: string;
}

export interface SellerTables {
  seller_clusters: SellerClustersTable;
  listing_sellers: ListingSellersTable;
  listing_handles: ListingHandlesTable;
  seller_links: SellerLinksTable;
  link_bands: LinkBandsTable;
  shingle_sellers: ShingleSellersTable;
  shingle_df: ShingleDfTable;
  link_hubs: LinkHubsTable;
  link_pairs: LinkPairsTable;
  relink_pending: RelinkPendingTable;
  listing_snapshots: ListingSnapshotsTable;
}
