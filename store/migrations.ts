import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';

import { sellersMigration } from './sellers-migration.js';
import { revisitsMigration } from './revisits-migration.js';
import {
  relinkContactClausesMigration,
  relinkDisguisesMigration,
  relinkMigration,
  relinkPhonesMigration,
  relinkRegionalDisguisesMigration,
  relinkRiddlesMigration,
} from './relink-migration.js';

export type Dialect = 'sqlite' | 'postgres';

/** Migrations in order. Each takes the dialect only where the two databases spell a type differently. */
function migrations(dialect: Dialect): Record<string, Migration> {
  // An auto-numbered key: SERIAL in PostgreSQL, INTEGER PRIMARY KEY AUTOINCREMENT in SQLite.
  const idType = sql.raw(dialect === 'postgres' ? 'serial' : 'integer');
  const idColumn = (c: ColumnDefinitionBuilder) => c.primaryKey().$call((b) => (dialect === 'sqlite' ? b.autoIncrement() : b));
  return {
    '0001-listings': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('listings')
          .addColumn('id', idType, idColumn)
          .addColumn('site', 'text', (c) => c.notNull())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('canonical_url', 'text', (c) => c.notNull())
          .addColumn('title', 'text')
          .addColumn('description', 'text')
          .addColumn('price', 'text')
          .addColumn('seller', 'text')
          .addColumn('images', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('fetched_at', 'text', (c) => c.notNull())
          .addColumn('http_status', 'integer')
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('crawl_id', 'text')
          .addColumn('first_seen_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('listings_site_canonical', ['site', 'canonical_url'])
          .execute();
        await db.schema
          .createTable('listing_versions')
          .addColumn('id', idType, idColumn)
          .addColumn('listing_id', 'integer', (c) => c.notNull().references('listings.id').onDelete('cascade'))
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('title', 'text')
          .addColumn('description', 'text')
          .addColumn('price', 'text')
          .addColumn('seller', 'text')
          .addColumn('images', 'text', (c) => c.notNull())
          .addColumn('fetched_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('listing_versions_hash', ['listing_id', 'content_hash'])
          .execute();
        await db.schema
          .createTable('verdicts')
          .addColumn('id', idType, idColumn)
          .addColumn('listing_id', 'integer', (c) => c.notNull().references('listings.id').onDelete('cascade'))
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('model_version', 'text', (c) => c.notNull())
          .addColumn('flagged', 'integer', (c) => c.notNull())
          .addColumn('category', 'text')
          .addColumn('score', 'real', (c) => c.notNull())
          .addColumn('evidence', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('verdicts_once', ['listing_id', 'content_hash', 'model_version'])
          .execute();
        await db.schema.createIndex('listings_crawl').on('listings').column('crawl_id').execute();
        await db.schema.createIndex('verdicts_flagged_score').on('verdicts').columns(['flagged', 'score']).execute();
        await db.schema
          .createTable('crawl_failures')
          .addColumn('id', idType, idColumn)
          .addColumn('crawl_id', 'text', (c) => c.notNull())
          .addColumn('site', 'text', (c) => c.notNull())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('failed_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('crawl_failures_once', ['crawl_id', 'url'])
          .execute();
      },
    },
    '0002-tokens-reports': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('tokens')
          .addColumn('id', idType, idColumn)
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('role', 'text', (c) => c.notNull())
          // SHA-256 of the token: tokens are 32 random bytes, so a fast hash is enough and the token itself is never stored.
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('client_report_id', 'text', (c) => c.notNull().unique())
          .addColumn('reporter', 'text', (c) => c.notNull())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('title', 'text')
          .addColumn('description', 'text')
          .addColumn('price', 'text')
          .addColumn('seller', 'text')
          .addColumn('note', 'text')
          .addColumn('suspected_category', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('error', 'text')
          .addColumn('listing_id', 'integer', (c) => c.references('listings.id').onDelete('set null'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('reports_listing').on('reports').column('listing_id').execute();
      },
    },
    '0003-review': {
      async up(db: Kysely<unknown>) {
        // The verdict on a listing's current text, kept on the row so the review queue can sort and page by score.
        await db.schema
          .alterTable('listings')
          .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .alterTable('listings')
          .addColumn('score', 'real', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.alterTable('listings').addColumn('category', 'text').execute();
        await db.schema.alterTable('listings').addColumn('decision', 'text').execute();
        await db.schema.createIndex('listings_review').on('listings').columns(['flagged', 'score', 'id']).execute();
        await db.schema
          .createTable('decisions')
          .addColumn('id', idType, idColumn)
          .addColumn('listing_id', 'integer', (c) => c.notNull().references('listings.id').onDelete('cascade'))
          .addColumn('decision', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('decided_by', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('id', idType, idColumn)
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('listing_id', 'integer')
          .addColumn('detail', 'text')
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0004-review-band': {
      async up(db: Kysely<unknown>) {
        // Scores between the review threshold and the flag threshold: not flagged, but an investigator should look.
        await db.schema
          .alterTable('verdicts')
          .addColumn('review', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .alterTable('listings')
          .addColumn('review', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('listings_review_band').on('listings').columns(['review', 'score', 'id']).execute();
      },
    },
    '0005-report-sites': {
      async up(db: Kysely<unknown>) {
        // The report-recrawl registry lives with the data, not in Redis: it is an admin's decision, audited, and survives a Redis restart.
        await db.schema
          .createTable('report_sites')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('config', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('recrawl_private', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('registered_by', 'text', (c) => c.notNull())
          .addColumn('registered_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0006-price-data': {
      async up(db: Kysely<unknown>) {
        // The price as data beside its text: a decimal string (exact in both databases), ISO 4217 or the
        // symbol, and what one price buys (张, set, each). Null where the page gave no amount.
        await db.schema.alterTable('listings').addColumn('price_amount', 'text').execute();
        await db.schema.alterTable('listings').addColumn('currency', 'text').execute();
        await db.schema.alterTable('listings').addColumn('price_unit', 'text').execute();
      },
    },
    '0007-lexicon-overlay': {
      async up(db: Kysely<unknown>) {
        // Code-word discovery: suggestions wait for an investigator; approved terms form versioned overlays.
        await db.schema
          .createTable('lexicon_suggestions')
          .addColumn('term', 'text', (c) => c.notNull())
          .addColumn('match_key', 'text', (c) => c.primaryKey())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('score', 'real', (c) => c.notNull())
          .addColumn('support', 'text', (c) => c.notNull())
          .addColumn('variants', 'text', (c) => c.notNull())
          .addColumn('examples', 'text', (c) => c.notNull())
          .addColumn('why', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('support_at_decision', 'integer')
          .addColumn('decided_by', 'text')
          .addColumn('decided_at', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('lexicon_overlays')
          .addColumn('id', idType, idColumn)
          .addColumn('overlay', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0008-claims': {
      async up(db: Kysely<unknown>) {
        // Who has a listing open in the review page, and until when (ISO-8601 UTC, compared as text):
        // one row per listing; an expired row is as good as none and is overwritten by the next claim.
        await db.schema
          .createTable('claims')
          .addColumn('listing_id', 'integer', (c) => c.primaryKey().references('listings.id').onDelete('cascade'))
          .addColumn('claimed_by', 'text', (c) => c.notNull())
          .addColumn('claimed_until', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('claims_by').on('claims').column('claimed_by').execute();
      },
    },
    // Seller clusters, contact handles and evidence snapshots (issue 14): the tables are described in sellers-migration.ts.
    '0009-sellers': sellersMigration(idType, idColumn),
    // Validators, last check and takedown time of watched listings (issue 16): see revisits-migration.ts.
    '0010-revisits': revisitsMigration,
    // Seller tables re-derived for the batch linker's rules and link-key format (issue 14): see relink-migration.ts.
    '0011-relink': relinkMigration,
    '0012-relink-riddles': relinkRiddlesMigration,
    '0013-relink-disguises': relinkDisguisesMigration,
    '0014-relink-phones': relinkPhonesMigration,
    '0015-relink-contact-clauses': relinkContactClausesMigration,
    '0016-relink-regional-disguises': relinkRegionalDisguisesMigration,
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
