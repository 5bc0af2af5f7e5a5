import type { Verdict } from '../contracts/index.js';
import type { FetchedPage } from '../crawler/index.js';
import type { ExtractedListing } from '../extract/index.js';
import type { ListingRecord, SaveResult } from '../store/index.js';
import type { LiveClassifier } from './live-classifier.js';
import { inlineListingWriter, type ListingWriter } from './listing-writer.js';
import type { SellerLinkingDeps } from './seller-linking.js';

export interface StorePageListingDeps extends SellerLinkingDeps {
  readonly classifier: LiveClassifier;
  /** Where the store's part runs (a crawl worker's store thread, store-thread.ts); default: here, through `store`. */
  readonly writer?: ListingWriter;
}

export interface PageListing {
  readonly site: string;
  readonly canonicalUrl: string;
  readonly listing: ExtractedListing;
  /** The page the listing was read from (rendered when Chromium ran) and the static fetch before it. */
  readonly pages: { readonly first: FetchedPage; readonly last: FetchedPage };
  /** What tells this text from the next visit's: a crawl hashes the page it read, a watch the static fetch it compares. */
  readonly contentHash: string;
  /** The crawl, or the watch, that fetched it. */
  readonly crawlId: string;
  readonly fetchedAt: string;
}

/**
 * A listing read from a crawled page: classified, stored with its verdict (a new version when its text
 * changed), then linked to its seller and, when flagged, kept as a snapshot. One path for crawls and
 * watch revisits, so a watched listing is stored exactly as a crawled one.
 */
export async function storePageListing(deps: StorePageListingDeps, p: PageListing): Promise<{ saved: SaveResult; verdict: Verdict }> {
  const { listing, pages } = p;
  const fields = { title: listing.title, description: listing.description, price: listing.price };
  const verdict = deps.classifier.classify(fields);
  const record: ListingRecord = {
    site: p.site,
    url: pages.last.url,
    canonicalUrl: p.canonicalUrl,
    ...fields,
    priceAmount: listing.priceAmount,
    currency: listing.currency,
    priceUnit: listing.priceUnit,
    seller: listing.seller,
    images: listing.images,
    fetchedAt: p.fetchedAt,
    httpStatus: pages.last.status,
    contentHash: p.contentHash,
    source: 'crawl',
    crawlId: p.crawlId,
  };
  const saved = await (deps.writer ?? inlineListingWriter(deps))(record, verdict, pages);
  return { saved, verdict };
}
