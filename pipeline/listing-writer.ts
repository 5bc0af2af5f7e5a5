import type { Verdict } from '../contracts/index.js';
import { saveListing, type ListingRecord, type SaveResult } from '../store/index.js';
import { afterListingStored, type FetchedPages, type SellerLinkingDeps } from './seller-linking.js';

/** Stores a classified listing, links it to its seller and keeps its snapshot: the store's part of a page. */
export type ListingWriter = (record: ListingRecord, verdict: Verdict, pages?: FetchedPages) => Promise<SaveResult>;

/** The writer that does it on the calling thread, through `deps.store`. */
export const inlineListingWriter =
  (deps: SellerLinkingDeps): ListingWriter =>
  async (record, verdict, pages) => {
    const saved = await saveListing(deps.store, record, verdict);
    await afterListingStored(deps, saved, record, verdict.flagged, pages);
    return saved;
  };
