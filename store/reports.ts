import { randomUUID } from 'node:crypto';
import type { ListingText, Verdict } from '../contracts/index.js';
import type { VersionText } from './evidence.js';
import type { Store } from './open.js';
import type { Selectable } from 'kysely';
import type { Decision, ReportStatus, ReportsTable } from './schema.js';

export interface NewReport extends ListingText {
  readonly clientReportId: string;
  readonly reporter: string;
  readonly url: string;
  readonly note: string | null;
  readonly suspectedCategory: string | null;
}

export interface ReportRecord extends NewReport {
  readonly id: string;
  readonly status: ReportStatus;
  readonly error: string | null;
  readonly listingId: number | null;
  readonly createdAt: string;
}

/**
 * Stores a report once per clientReportId: sending the same report again (an extension retrying
 * after a lost answer) returns the first one, with `created: false`.
 */
export async function createReport(store: Store, r: NewReport): Promise<{ report: ReportRecord; created: boolean }> {
  const now = new Date().toISOString();
  const inserted = await store.db
    .insertInto('reports')
    .values({
      id: randomUUID(),
      client_report_id: r.clientReportId,
      reporter: r.reporter,
      url: r.url,
      title: r.title,
      description: r.description,
      price: r.price,
      seller: r.seller,
      note: r.note,
      suspected_category: r.suspectedCategory,
      status: 'queued',
      error: null,
      listing_id: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('client_report_id').doNothing())
    .executeTakeFirst();
  const report = await reportByClientId(store, r.clientReportId);
  return { report: report!, created: Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 };
}

type Row = Selectable<ReportsTable>;

function toRecord(r: Row): ReportRecord {
  return {
    id: r.id,
    clientReportId: r.client_report_id,
    reporter: r.reporter,
    url: r.url,
    title: r.title,
    description: r.description,
    price: r.price,
    seller: r.seller,
    note: r.note,
    suspectedCategory: r.suspected_category,
    status: r.status,
    error: r.error,
    listingId: r.listing_id,
    createdAt: r.created_at,
  };
}

async function reportByClientId(store: Store, clientReportId: string): Promise<ReportRecord | null> {
  const row = await store.db.selectFrom('reports').selectAll().where('client_report_id', '=', clientReportId).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function getReport(store: Store, id: string): Promise<ReportRecord | null> {
  const row = await store.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function setReportStatus(store: Store, id: string, status: ReportStatus, extra: { error?: string; listingId?: number } = {}): Promise<void> {
  await store.db
    .updateTable('reports')
    .set({
      status,
      updated_at: new Date().toISOString(),
      ...(extra.error !== undefined ? { error: extra.error } : {}),
      ...(extra.listingId !== undefined ? { listing_id: extra.listingId } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Reports still waiting: re-queued at start, in case a crash came between storing and queuing. */
export async function queuedReportIds(store: Store, options: { notUpdatedSince?: Date } = {}): Promise<string[]> {
  let q = store.db.selectFrom('reports').select('id').where('status', 'in', ['queued', 'processing']);
  if (options.notUpdatedSince) q = q.where('updated_at', '<', options.notUpdatedSince.toISOString());
  const rows = await q.orderBy('created_at').execute();
  return rows.map((r) => r.id);
}

/**
 * The newest verdict on the listing a report became (on its current text), with the texts its
 * evidence spans may point into: the text version with its content hash, then the listing's own text.
 */
export async function verdictOfListing(store: Store, listingId: number): Promise<{ verdict: Verdict; readFrom: VersionText[] } | null> {
  const row = await store.db
    .selectFrom('verdicts as v')
    .innerJoin('listings as l', (j) => j.onRef('l.id', '=', 'v.listing_id').onRef('l.content_hash', '=', 'v.content_hash'))
    .leftJoin('listing_versions as lv', (j) => j.onRef('lv.listing_id', '=', 'v.listing_id').onRef('lv.content_hash', '=', 'v.content_hash'))
    .select(['v.flagged', 'v.review', 'v.category', 'v.score', 'v.evidence', 'v.model_version', 'l.title', 'l.description', 'l.price'])
    .select(['lv.title as version_title', 'lv.description as version_description', 'lv.price as version_price', 'lv.id as version_id'])
    .where('v.listing_id', '=', listingId)
    .orderBy('v.id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const verdict: Verdict = {
    flagged: row.flagged === 1,
    review: row.review === 1,
    category: row.category as Verdict['category'],
    score: row.score,
    evidence: JSON.parse(row.evidence),
    modelVersion: row.model_version,
  };
  const listingText = { title: row.title, description: row.description, price: row.price };
  const versionText = row.version_id === null ? [] : [{ title: row.version_title, description: row.version_description, price: row.version_price }];
  return { verdict, readFrom: [...versionText, listingText] };
}

/** The investigators' latest decision on a listing and when it was made (ISO-8601), or null: what a report's status tells its moderator. */
export async function decisionOfListing(store: Store, listingId: number): Promise<{ decision: Decision; at: string } | null> {
  const row = await store.db
    .selectFrom('decisions')
    .select(['decision', 'decided_at'])
    .where('listing_id', '=', listingId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { decision: row.decision, at: row.decided_at } : null;
}

/** One reporter's latest reports of one address, newest first: what lets the extension say "you reported this page at …". */
export async function reportsByReporterOfUrl(store: Store, reporter: string, url: string, limit = 5): Promise<ReportRecord[]> {
  const rows = await store.db
    .selectFrom('reports')
    .selectAll()
    .where('reporter', '=', reporter)
    .where('url', '=', url)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}
