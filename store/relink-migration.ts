import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0011-relink (issue 14): the store links as the batch linker does (link/link-listings.ts:
 * aliases, one id key across WeChat/Telegram/LINE, phone keys without '+', same-seller relists, the
 * cluster veto), so what older versions derived is stale: their link keys are in the old format and
 * their handles were read by older rules. Everything the seller tables hold is derived from the
 * listings and their text versions, so it is emptied here and every listing is queued in
 * relink_pending; the store re-links them at its next open (relink.ts), resuming after a crash.
 *  - link_pairs: text pairs that passed the pairwise test (near-duplicate or same-seller), whether or
 *    not the cluster veto let them link: a re-clustering (recluster.ts) needs them all.
 *  - listing_sellers.first_seen/last_seen: when each listing was seen, so a re-clustered part knows its dates.
 */
export const relinkMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('link_pairs')
      .addColumn('a', 'integer', (c) => c.notNull().references('listings.id').onDelete('cascade'))
      .addColumn('b', 'integer', (c) => c.notNull().references('listings.id').onDelete('cascade'))
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('jaccard', 'real', (c) => c.notNull())
      .addColumn('shared', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('link_pairs_pk', ['a', 'b', 'via'])
      .execute();
    await db.schema.createIndex('link_pairs_b').on('link_pairs').column('b').execute();
    await db.schema
      .createTable('relink_pending')
      .addColumn('listing_id', 'integer', (c) => c.primaryKey())
      .execute();
    await emptyDerivedSellerTables(db);
    await db.schema
      .alterTable('listing_sellers')
      .addColumn('first_seen', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('listing_sellers')
      .addColumn('last_seen', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    // Same-seller candidates are the listings of one site + seller name.
    await db.schema.createIndex('listing_sellers_name').on('listing_sellers').column('seller_name').execute();
    // A shingle turned boilerplate: the listings whose seller wrote it (seller-pairs.ts staleClusters).
    await db.schema.createIndex('listing_sellers_key').on('listing_sellers').column('seller_key').execute();
    await sql`insert into relink_pending (listing_id) select id from listings`.execute(db);
  },
};

/** What the seller tables hold is derived from the listings' text: emptied when the rules that derive it change. */
async function emptyDerivedSellerTables(db: Kysely<unknown>): Promise<void> {
  for (const table of ['seller_links', 'listing_handles', 'link_bands', 'shingle_sellers', 'shingle_df', 'link_hubs', 'listing_sellers', 'seller_clusters']) {
    await sql`delete from ${sql.table(table)}`.execute(db);
  }
}

/**
 * Migration 0012-relink-riddles: handles are read by newer rules (ids told as riddles, spaced-out
 * letters before an app; a shared line that names three ids of one kind is a bridge that links
 * nobody), so the links older versions derived are stale. Everything derived is emptied, the text
 * pairs too, and every listing queued for re-linking at the next open, as in 0011.
 */
export const relinkRiddlesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await emptyDerivedSellerTables(db);
    await sql`delete from link_pairs`.execute(db);
    await sql`delete from relink_pending`.execute(db);
    await sql`insert into relink_pending (listing_id) select id from listings`.execute(db);
  },
};

/**
 * Migration 0013-relink-disguises: handles are read by newer rules again (disguises of an independently
 * written set, link/dev-data/dev-sellers-3: emoji and pinyin digits, "same as my username", a cue's colon
 * touching the id, wa.me links), so the stored handles and links are stale: re-derived as in 0012.
 */
export const relinkDisguisesMigration: Migration = relinkRiddlesMigration;

/**
 * Migration 0014-relink-phones: a phone's link key is its national number (link/phone-national.ts:
 * "011-5550 2846" and "+60 11-5550 2846" meet), and handles are read by newer rules (the green app,
 * a number with its app in brackets after it, two apps before one value, Signal/Viber/Zalo, a number
 * with its '+' after a Telegram cue, "Email x at y.example", an id's piece described in words with its
 * value in brackets), so stored link keys and links are stale: re-derived as in 0012.
 */
export const relinkPhonesMigration: Migration = relinkRiddlesMigration;

/**
 * Migration 0015-relink-contact-clauses: a listing's stored shingles leave out its contact clause now
 * (link/contact-clauses.ts: "扣扣在简介", "TG same as my username" are no ad text), and handles are read
 * by newer rules (a seller's "beware of imitators" is no warning, "mail x, it's a y.example mailbox"),
 * so stored shingles, handles and links are stale: re-derived as in 0012.
 */
export const relinkContactClausesMigration: Migration = relinkRiddlesMigration;

/**
 * Migration 0016-relink-regional-disguises: handles are read by newer rules (LINE and phone cues in Thai
 * and Vietnamese, other scripts' digits, radio and Suzhou numerals, 小老鼠/艾特 for @, a note in brackets
 * before the colon, a new contact after "新 ", a police-report warning, no mention of an impostor's
 * id), so stored handles and links are stale: re-derived as in 0012.
 */
export const relinkRegionalDisguisesMigration: Migration = relinkRiddlesMigration;
