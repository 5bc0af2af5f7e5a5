import type { Decision, ListingPrice, ListingText, ReportStatus } from '../contracts/index.js';
import type { Store } from './open.js';

/** A stored listing as investigators weigh it, as typed records (the database's rows are mapped here, once). */
export interface ListingDetailRecord {
  listing: ListingText &
    ListingPrice & {
      id: number;
      site: string;
      url: string;
      canonicalUrl: string;
      images: string[];
      fetchedAt: string;
      httpStatus: number | null;
      contentHash: string;
      source: string;
      decision: Decision | null;
      verdict: { flagged: boolean; review: boolean; score: number; category: string | null };
    };
  versions: (ListingText & { contentHash: string; fetchedAt: string })[];
  /** Newest first; `evidence` is the stored JSON of the spans. */
  verdicts: {
    contentHash: string;
    modelVersion: string;
    flagged: boolean;
    review: boolean;
    category: string | null;
    score: number;
    evidence: string;
    createdAt: string;
  }[];
  reports: { id: string; reporter: string; note: string | null; suspectedCategory: string | null; status: ReportStatus; createdAt: string }[];
  decisions: { decision: Decision; note: string | null; by: string; at: string }[];
}

/** A listing with everything an investigator weighs: its text history, verdicts, reports and decisions. */
export async function listingDetail(store: Store, id: number): Promise<ListingDetailRecord | null> {
  const listing = await store.db.selectFrom('listings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!listing) return null;
  const [versions, verdicts, reports, decisions] = await Promise.all([
    store.db
      .selectFrom('listing_versions')
      .select(['content_hash', 'title', 'description', 'price', 'seller', 'fetched_at'])
      .where('listing_id', '=', id)
      .orderBy('id')
      .execute(),
    store.db
      .selectFrom('verdicts')
      .select(['content_hash', 'model_version', 'flagged', 'review', 'category', 'score', 'evidence', 'created_at'])
      .where('listing_id', '=', id)
      .orderBy('id', 'desc')
      .execute(),
    store.db
      .selectFrom('reports')
      .select(['id', 'reporter', 'note', 'suspected_category', 'status', 'created_at'])
      .where('listing_id', '=', id)
      .orderBy('created_at')
      .execute(),
    store.db.selectFrom('decisions').select(['decision', 'note', 'decided_by', 'decided_at']).where('listing_id', '=', id).orderBy('id').execute(),
  ]);
  return {
    listing: {
      id: listing.id,
      site: listing.site,
      url: listing.url,
      canonicalUrl: listing.canonical_url,
      title: listing.title,
      description: listing.description,
      price: listing.price,
      seller: listing.seller,
      priceAmount: listing.price_amount,
      currency: listing.currency,
      priceUnit: listing.price_unit,
      images: JSON.parse(listing.images) as string[],
      fetchedAt: listing.fetched_at,
      httpStatus: listing.http_status,
      contentHash: listing.content_hash,
      source: listing.source,
      decision: listing.decision,
      verdict: { flagged: listing.flagged === 1, review: listing.review === 1, score: listing.score, category: listing.category },
    },
    versions: versions.map((v) => ({
      contentHash: v.content_hash,
      title: v.title,
      description: v.description,
      price: v.price,
      seller: v.seller,
      fetchedAt: v.fetched_at,
    })),
    verdicts: verdicts.map((v) => ({
      contentHash: v.content_hash,
      modelVersion: v.model_version,
      flagged: v.flagged === 1,
      review: v.review === 1,
      category: v.category,
      score: v.score,
      evidence: v.evidence,
      createdAt: v.created_at,
    })),
    reports: reports.map((r) => ({
      id: r.id,
      reporter: r.reporter,
      note: r.note,
      suspectedCategory: r.suspected_category,
      status: r.status,
      createdAt: r.created_at,
    })),
    decisions: decisions.map((d) => ({ decision: d.decision, note: d.note, by: d.decided_by, at: d.decided_at })),
  };
}
