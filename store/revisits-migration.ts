import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0010-revisits (issue 16): what watching a site keeps on each listing.
 *  - etag, last_modified: the validators of the last full fetch, sent back as If-None-Match and
 *    If-Modified-Since on the next revisit (null when the site sent none).
 *  - checked_at: the last revisit, whether it found the page changed, unchanged (304 or the same
 *    content hash) or gone; fetched_at stays the time of the text shown.
 *  - taken_down_at, takedown_reason: the first time the listing was seen gone (404, 410, or a redirect
 *    to the site's removed page) and how; null while it is live. Time to takedown is taken_down_at −
 *    first_seen_at.
 * All nullable, added to existing rows as null: listings crawled before watching began are live and
 * unchecked until their first revisit.
 */
export const revisitsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ['etag', 'last_modified', 'checked_at', 'taken_down_at', 'takedown_reason'])
      await db.schema.alterTable('listings').addColumn(column, 'text').execute();
    // Takedown metrics group the taken-down listings of each site; the index keeps that off a full scan.
    await db.schema.createIndex('listings_takedowns').on('listings').columns(['taken_down_at', 'site']).execute();
  },
};
