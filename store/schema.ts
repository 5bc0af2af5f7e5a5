import type { Decision } from '../contracts/index.js';
import type { Generated } from 'kysely';
import type { SellerTables } from './sellers-schema.js';

/**
 * The database as Kysely sees it. Times are ISO-8601 text and JSON is text in both SQLite and
 * PostgreSQL, so one set of migrations and queries serves both.
 */
export interface ListingsTable {
  id: Generated<number>;
  site: string;
  url: string;
  canonical_url: string;
  title: string | null;
  description: string | null;
  price: string | null;
  /** The price's amount as a decimal string ("1800000", "0.5"), its currency (ISO 4217 or the symbol) and unit (张, each). */
  price_amount: string | null;
  currency: string | null;
  price_unit: string | null;
  seller: string | null;
  /** JSON array of image URLs; the images themselves are never stored. */
  images: string;
  fetched_at: string;
  http_status: number | null;
  /** SHA-256 of the fetched content. */
  content_hash: string;
  /** Where it came from: crawl or report. */
  source: string;
  /** The last crawl that fetched it (null for reports). */
  crawl_id: string | null;
  first_seen_at: string;
  /** The newest verdict on the current text (kept here for sorting and paging the review queue). */
  flagged: Generated<number>;
  /** In the review band: not flagged, scored high enough that an investigator should look. */
  review: Generated<number>;
  score: Generated<number>;
  category: string | null;
  /** The latest investigator decision, if any. */
  decision: Decision | null;
  /** Watching (0010-revisits): the last full fetch's validators, sent back on the next revisit. */
  etag: string | null;
  last_modified: string | null;
  /** The last revisit, whatever it found. */
  checked_at: string | null;
  /** The first time the listing was seen gone (404, 410, a redirect to the removed page), and how; null while live. */
  taken_down_at: string | null;
  takedown_reason: string | null;
}

/** Every distinct text a listing has shown: a seller who edits the ad keeps its history. */
export interface ListingVersionsTable {
  id: Generated<number>;
  listing_id: number;
  content_hash: string;
  title: string | null;
  description: string | null;
  price: string | null;
  seller: string | null;
  images: string;
  fetched_at: string;
}

export interface VerdictsTable {
  id: Generated<number>;
  listing_id: number;
  content_hash: string;
  model_version: string;
  flagged: number;
  review: Generated<number>;
  category: string | null;
  score: number;
  /** JSON array of evidence spans. */
  evidence: string;
  created_at: string;
}

/** URLs a crawl gave up on, with the reason: nothing fails silently. */
export interface CrawlFailuresTable {
  id: Generated<number>;
  crawl_id: string;
  site: string;
  url: string;
  reason: string;
  attempts: number;
  failed_at: string;
}

import type { ReportStatus, Role } from '../contracts/index.js';
export type { ReportStatus, Role };

export interface TokensTable {
  id: Generated<number>;
  name: string;
  role: Role;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** A moderator's report. The page's HTML is read for fields at intake and not kept. */
export interface ReportsTable {
  id: string;
  client_report_id: string;
  /** Token name of the moderator who sent it. */
  reporter: string;
  url: string;
  title: string | null;
  description: string | null;
  price: string | null;
  seller: string | null;
  note: string | null;
  suspected_category: string | null;
  status: ReportStatus;
  error: string | null;
  listing_id: number | null;
  created_at: string;
  updated_at: string;
}

export type { Decision } from '../contracts/index.js';

export interface DecisionsTable {
  id: Generated<number>;
  listing_id: number;
  decision: Decision;
  note: string | null;
  decided_by: string;
  decided_at: string;
}

/** Who saw, unmasked, decided or exported what, and when. */
export interface AuditLogTable {
  id: Generated<number>;
  actor: string;
  action:
    | 'list'
    | 'view'
    | 'unmask'
    | 'claim'
    | 'decide'
    | 'export'
    | 'train'
    | 'site-add'
    | 'site-remove'
    | 'term-approve'
    | 'term-reject'
    | 'lexicon-import'
    | 'snapshot-read'
    | 'snapshot-purge'
    | 'cluster-decide';
  listing_id: number | null;
  detail: string | null;
  at: string;
}

/**
 * Sites an admin registered for report recrawls (SITES_DIR or `faceleak sites add`): a reported URL
 * on one of their hosts is fetched again through the crawler. Crawls and demos never write here.
 */
export interface ReportSitesTable {
  name: string;
  /** The site config (JSON). */
  config: string;
  /** 'sites-dir': loaded from SITES_DIR at start (and removed when its file goes); 'admin': `faceleak sites add`. */
  source: 'sites-dir' | 'admin';
  /** 1 only when an admin said so: a site with allowPrivateNetwork is otherwise never recrawled for reports. */
  recrawl_private: number;
  registered_by: string;
  registered_at: string;
}

/** Candidate code words from `faceleak discover`, waiting for an investigator, or decided. */
export interface LexiconSuggestionsTable {
  /** The term as discovery wrote it (its normalized form is unique: one row per term). */
  term: string;
  match_key: string;
  category: string;
  score: number;
  /** JSON: {flagged, review, benign} listing counts. */
  support: string;
  /** JSON arrays. */
  variants: string;
  examples: string;
  why: string;
  status: 'pending' | 'approved' | 'rejected';
  /** Listings it appeared in when it was decided: a rejected term comes back only when this grows a lot. */
  support_at_decision: number | null;
  decided_by: string | null;
  decided_at: string | null;
  updated_at: string;
}

/** Every version of the lexicon overlay (approved terms), newest last; the newest is in force. */
export interface LexiconOverlaysTable {
  id: Generated<number>;
  /** JSON: the overlay (classifier/lexicon/overlay.ts). */
  overlay: string;
  created_by: string;
  created_at: string;
}

/**
 * Who has a listing open in the review page, until when: two investigators should not work one listing
 * at once. One row per listing; a row whose time has passed counts as no claim.
 */
export interface ClaimsTable {
  listing_id: number;
  /** Token name of the investigator. */
  claimed_by: string;
  /** ISO-8601 UTC (toISOString), so text order is time order in both databases. */
  claimed_until: string;
}

export interface Database extends SellerTables {
  listings: ListingsTable;
  listing_versions: ListingVersionsTable;
  verdicts: VerdictsTable;
  crawl_failures: CrawlFailuresTable;
  tokens: TokensTable;
  reports: ReportsTable;
  decisions: DecisionsTable;
  audit_log: AuditLogTable;
  report_sites: ReportSitesTable;
  lexicon_suggestions: LexiconSuggestionsTable;
  lexicon_overlays: LexiconOverlaysTable;
  claims: ClaimsTable;
}
