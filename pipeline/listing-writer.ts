import type { Verdict } from '../contracts/index.js';
import type { TextFeatures } from '../link/index.js';
import { saveListing, type ListingRecord, type SaveResult } from '../store/index.js';
import { afterListingStored, type FetchedPages, type SellerLinkingDeps } from './seller-linking.js';

/**
 * Stores a classified listing, links it to its seller and keeps its snapshot: the store's part of a page.
 * `text`: the record's link textFeatures when already computed (the store thread gets them with the record).
 */
export type ListingWriter = (record: ListingRecord, verdict: Verdict, pages?: FetchedPages, text?: TextFeatures) => Promise<SaveResult>;

/** The writer that does it on the calling thread, through `deps.store`. */
export const inlineListingWriter =
  (deps: SellerLinkingDeps): ListingWriter =>
  async (record, verdict, pages, text) => {
    const saved = await saveListing(deps.store, record, verdict);
    await afterListingStored(deps, saved, record, verdict.flagged, pages, text);
    return saved;
  };
