import type { ColumnDefinitionBuilder, Kysely, Migration, RawBuilder } from 'kysely';

/**
 * Migration 0009-sellers (issue 14): seller clusters kept as listings arrive, and evidence snapshots.
 *  - listing_sellers: each linked listing's cluster (a union-find whose every member points at its root:
 *    cluster_id is the id of a seller_clusters row), the seller its text counts for in the frequency
 *    cut, and its shingle hashes (JSON) for exact Jaccard against later listings.
 *  - listing_handles: the listing's contact handles (key as written, link key as compared).
 *  - seller_clusters: size and first/last seen of each cluster, for "largest, most recent first".
 *  - seller_links: every link found, with its reason; the edges a cluster is rebuilt from when a handle
 *    turns out to be generic (link/incremental.ts HUB_RULE). link_key is '' for near-duplicates.
 *  - link_bands: MinHash band keys → listings (near-duplicate candidates).
 *  - shingle_sellers, shingle_df: which sellers wrote each shingle, and how many (the boilerplate cut).
 *  - link_hubs: handles found generic; they link nobody from then on.
 *  - listing_snapshots: WARC files of flagged or reported pages under SNAPSHOT_DIR, with their SHA-256.
 */
export function sellersMigration(idType: RawBuilder<unknown>, idColumn: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const listingRef = (c: ColumnDefinitionBuilder) => c.notNull().references('listings.id').onDelete('cascade');
      await db.schema
        .createTable('seller_clusters')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('seller_clusters_rank').on('seller_clusters').columns(['size', 'last_seen', 'id']).execute();
      await db.schema
        .createTable('listing_sellers')
        .addColumn('listing_id', 'integer', (c) => listingRef(c).primaryKey())
        .addColumn('cluster_id', 'integer', (c) => c.notNull())
        .addColumn('seller_key', 'text', (c) => c.notNull())
        .addColumn('seller_name', 'text', (c) => c.notNull())
        .addColumn('shingles', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('listing_sellers_cluster').on('listing_sellers').column('cluster_id').execute();
      await db.schema
        .createTable('listing_handles')
        .addColumn('listing_id', 'integer', listingRef)
        .addColumn('handle_key', 'text', (c) => c.notNull())
        .addColumn('link_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('raw', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('listing_handles_pk', ['listing_id', 'handle_key'])
        .execute();
      await db.schema.createIndex('listing_handles_link').on('listing_handles').column('link_key').execute();
      await db.schema
        .createTable('seller_links')
        .addColumn('id', idType, idColumn)
        .addColumn('cluster_id', 'integer', (c) => c.notNull())
        .addColumn('a', 'integer', listingRef)
        .addColumn('b', 'integer', listingRef)
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('link_key', 'text', (c) => c.notNull())
        .addColumn('jaccard', 'real')
        .addColumn('shared', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('seller_links_once', ['a', 'b', 'via', 'link_key'])
        .execute();
      await db.schema.createIndex('seller_links_cluster').on('seller_links').column('cluster_id').execute();
      await db.schema.createIndex('seller_links_key').on('seller_links').column('link_key').execute();
      await db.schema
        .createTable('link_bands')
        .addColumn('band', 'integer', (c) => c.notNull())
        .addColumn('listing_id', 'integer', listingRef)
        .addPrimaryKeyConstraint('link_bands_pk', ['band', 'listing_id'])
        .execute();
      await db.schema
        .createTable('shingle_sellers')
        .addColumn('shingle', 'integer', (c) => c.notNull())
        .addColumn('seller_key', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('shingle_sellers_pk', ['shingle', 'seller_key'])
        .execute();
      await db.schema
        .createTable('shingle_df')
        .addColumn('shingle', 'integer', (c) => c.primaryKey())
        .addColumn('sellers', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('link_hubs')
        .addColumn('link_key', 'text', (c) => c.primaryKey())
        .addColumn('sellers', 'integer', (c) => c.notNull())
        .addColumn('found_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('listing_snapshots')
        .addColumn('id', idType, idColumn)
        .addColumn('listing_id', 'integer', listingRef)
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('fetched_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('listing_snapshots_once', ['listing_id', 'content_hash'])
        .execute();
      await db.schema.createIndex('listing_snapshots_created').on('listing_snapshots').column('created_at').execute();
    },
  };
}
