import type { ListingPrice, ListingText, Verdict } from '../contracts/index.js';
import type { Store } from './open.js';

/** A listing as fetched, ready to store. */
export interface ListingRecord extends ListingText, Partial<ListingPrice> {
  readonly site: string;
  readonly url: string;
  readonly canonicalUrl: string;
  // The price as data is absent where the text came without it (a moderator's report).
  readonly images: readonly string[];
  readonly fetchedAt: string;
  readonly httpStatus: number | null;
  readonly contentHash: string;
  readonly source: 'crawl' | 'report';
  readonly crawlId: string | null;
}

export interface SaveResult {
  readonly listingId: number;
  readonly isNew: boolean;
  /** The text differs from every version seen before. */
  readonly isNewVersion: boolean;
}

/**
 * Stores a listing and its verdict in one transaction. Idempotent (delivery is at least once): the
 * same listing, text and model version a second time changes nothing but the fetch time.
 */
export async function saveListing(store: Store, record: ListingRecord, verdict: Verdict): Promise<SaveResult> {
  return store.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('listings')
      .select('id')
      .where('site', '=', record.site)
      .where('canonical_url', '=', record.canonicalUrl)
      .executeTakeFirst();
    // The text of this fetch: the listing's current state, and a version of its history.
    const text = {
      title: record.title,
      description: record.description,
      price: record.price,
      seller: record.seller,
      images: JSON.stringify(record.images),
      fetched_at: record.fetchedAt,
    };
    const fields = {
      url: record.url,
      ...text,
      price_amount: record.priceAmount ?? null,
      currency: record.currency ?? null,
      price_unit: record.priceUnit ?? null,
      flagged: verdict.flagged ? 1 : 0,
      review: verdict.review ? 1 : 0,
      score: verdict.score,
      category: verdict.category,
      http_status: record.httpStatus,
      content_hash: record.contentHash,
      ...(record.crawlId !== null ? { crawl_id: record.crawlId } : {}),
    };
    const { id: listingId } = await trx
      .insertInto('listings')
      .values({
        site: record.site,
        canonical_url: record.canonicalUrl,
        source: record.source,
        crawl_id: record.crawlId,
        first_seen_at: record.fetchedAt,
        decision: null,
        ...fields,
      })
      .onConflict((oc) => oc.columns(['site', 'canonical_url']).doUpdateSet(fields))
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await trx
      .insertInto('listing_versions')
      .values({ listing_id: listingId, content_hash: record.contentHash, ...text })
      .onConflict((oc) => oc.columns(['listing_id', 'content_hash']).doNothing())
      .executeTakeFirst();
    await trx
      .insertInto('verdicts')
      .values({
        listing_id: listingId,
        content_hash: record.contentHash,
        model_version: verdict.modelVersion,
        flagged: verdict.flagged ? 1 : 0,
        review: verdict.review ? 1 : 0,
        category: verdict.category,
        score: verdict.score,
        evidence: JSON.stringify(verdict.evidence),
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.columns(['listing_id', 'content_hash', 'model_version']).doNothing())
      .execute();
    return { listingId, isNew: existing === undefined, isNewVersion: Number(version.numInsertedOrUpdatedRows ?? 0n) > 0 };
  });
}

/** The `--out` line of a stored listing: its current text and the verdict on that text. */
export interface ListingWithVerdict extends ListingText, ListingPrice {
  url: string;
  canonicalUrl: string;
  site: string;
  images: string[];
  fetchedAt: string;
  contentHash: string;
  verdict: Verdict | null;
}

/** Listings last fetched by a crawl, each with the newest verdict on its current text, in id order. */
export async function* listingsOfCrawl(store: Store, crawlId: string, pageSize = 500): AsyncGenerator<ListingWithVerdict> {
  let after = 0;
  for (;;) {
    const rows = await store.db
      .selectFrom('listings as l')
      .leftJoin('verdicts as v', (j) => j.onRef('v.listing_id', '=', 'l.id').onRef('v.content_hash', '=', 'l.content_hash'))
      .select([
        'l.id',
        'l.url',
        'l.canonical_url',
        'l.site',
        'l.title',
        'l.description',
        'l.price',
        'l.price_amount',
        'l.currency',
        'l.price_unit',
        'l.seller',
        'l.images',
        'l.fetched_at',
        'l.content_hash',
        'v.flagged',
        'v.review',
        'v.category',
        'v.score',
        'v.evidence',
        'v.model_version',
        'v.id as verdict_id',
      ])
      .where('l.crawl_id', '=', crawlId)
      .where('l.id', '>', after)
      .orderBy('l.id')
      .orderBy('v.id', 'desc')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    let last = -1;
    for (const r of rows) {
      after = r.id;
      if (r.id === last) continue; // older verdicts (other model versions) of the same listing
      last = r.id;
      yield {
        url: r.url,
        canonicalUrl: r.canonical_url,
        site: r.site,
        title: r.title,
        description: r.description,
        price: r.price,
        priceAmount: r.price_amount,
        currency: r.currency,
        priceUnit: r.price_unit,
        seller: r.seller,
        images: JSON.parse(r.images) as string[],
        fetchedAt: r.fetched_at,
        contentHash: r.content_hash,
        verdict:
          r.verdict_id === null
            ? null
            : {
                flagged: r.flagged === 1,
                review: r.review === 1,
                category: r.category as Verdict['category'],
                score: r.score!,
                evidence: JSON.parse(r.evidence!),
                modelVersion: r.model_version!,
              },
      };
    }
  }
}
