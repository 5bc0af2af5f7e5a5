import type { ListingText } from '../contracts/index.js';
import type { Store } from './open.js';
import { takedownsOf, type TakedownRecord } from './takedowns.js';

/** The fields of a stored text version the classifier read (evidence spans point into them). */
export type VersionText = Pick<ListingText, 'title' | 'description' | 'price'>;

export interface ListingEvidence {
  /** The verdict on the listing's current text (its content hash), newest model first. */
  verdict: { modelVersion: string; evidence: string; createdAt: string; text: VersionText | null } | null;
  reports: { reporter: string; note: string | null; suspectedCategory: string | null; createdAt: string }[];
  decisions: { decision: string; note: string | null; by: string; at: string }[];
  /** When it was first seen and first seen gone (watched sites); undefined only for an id not in the store. */
  takedown?: TakedownRecord;
}

/**
 * What an evidence file adds to each listing row: the verdict's model and evidence spans with the
 * text version they point into, the moderators' reports and the decisions. One query per table for
 * a whole page of listings.
 */
export async function evidenceOf(store: Store, listings: readonly { id: number; contentHash: string }[]): Promise<Map<number, ListingEvidence>> {
  const ids = listings.map((l) => l.id);
  const out = new Map<number, ListingEvidence>(ids.map((id) => [id, { verdict: null, reports: [], decisions: [] }]));
  if (ids.length === 0) return out;
  const hashOf = new Map(listings.map((l) => [l.id, l.contentHash]));
  const [verdicts, versions, reports, decisions, takedowns] = await Promise.all([
    store.db
      .selectFrom('verdicts')
      .select(['listing_id', 'content_hash', 'model_version', 'evidence', 'created_at'])
      .where('listing_id', 'in', ids)
      .orderBy('id', 'desc')
      .execute(),
    store.db
      .selectFrom('listing_versions')
      .select(['listing_id', 'content_hash', 'title', 'description', 'price'])
      .where('listing_id', 'in', ids)
      .where('content_hash', 'in', [...new Set(hashOf.values())])
      .execute(),
    store.db
      .selectFrom('reports')
      .select(['listing_id', 'reporter', 'note', 'suspected_category', 'created_at'])
      .where('listing_id', 'in', ids)
      .orderBy('created_at')
      .execute(),
    store.db
      .selectFrom('decisions')
      .select(['listing_id', 'decision', 'note', 'decided_by', 'decided_at'])
      .where('listing_id', 'in', ids)
      .orderBy('id')
      .execute(),
    takedownsOf(store, ids),
  ]);
  for (const [id, t] of takedowns) out.get(id)!.takedown = t;
  const currentText = new Map<number, VersionText>();
  for (const v of versions)
    if (v.content_hash === hashOf.get(v.listing_id)) currentText.set(v.listing_id, { title: v.title, description: v.description, price: v.price });
  for (const v of verdicts) {
    const e = out.get(v.listing_id)!;
    if (!e.verdict && v.content_hash === hashOf.get(v.listing_id)) {
      e.verdict = { modelVersion: v.model_version, evidence: v.evidence, createdAt: v.created_at, text: currentText.get(v.listing_id) ?? null };
    }
  }
  for (const r of reports)
    out.get(r.listing_id!)?.reports.push({ reporter: r.reporter, note: r.note, suspectedCategory: r.suspected_category, createdAt: r.created_at });
  for (const d of decisions) out.get(d.listing_id)!.decisions.push({ decision: d.decision, note: d.note, by: d.decided_by, at: d.decided_at });
  return out;
}
