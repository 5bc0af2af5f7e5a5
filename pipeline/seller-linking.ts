import type { FetchedPage } from '../crawler/index.js';
import type { TextFeatures } from '../link/index.js';
import type { ListingRecord, SaveResult, Store } from '../store/index.js';
import { clusterOfListing, linkStoredListing, saveSnapshot } from '../store/index.js';

/** What linking and snapshots need besides the store: where snapshots go (none: no snapshots, e.g. a bare test harness). */
export interface SellerLinkingDeps {
  readonly store: Store;
  readonly snapshotDir?: string;
}

/** The pages of one crawl-page job: the static fetch (when there was one) and the rendered page (when Chromium ran). */
export interface FetchedPages {
  readonly first: FetchedPage;
  readonly last: FetchedPage;
}

/** A report's recrawl (pipeline/report.ts recrawlId): the page a moderator reported, kept whatever the verdict. */
export const isReportRecrawl = (crawlId: string | null) => crawlId !== null && crawlId.startsWith('report-');

/**
 * After a listing is stored (crawl or report): it joins its seller's cluster, and when it is flagged or
 * was reported and a page was fetched, what was fetched is kept as a WARC snapshot. Both are
 * idempotent, so a retried job redoes them safely. An unchanged text (same content hash) of a linked
 * listing is not linked again: nothing new could come of it.
 */
export async function afterListingStored(
  deps: SellerLinkingDeps,
  saved: SaveResult,
  record: ListingRecord,
  flagged: boolean,
  pages?: FetchedPages,
  text?: TextFeatures,
): Promise<void> {
  // A listing seen again unchanged is linked only if it never was (a crash lost its links: see store/sellers.ts).
  if (saved.isNewVersion || (await clusterOfListing(deps.store, saved.listingId)) === null) {
    await linkStoredListing(deps.store, saved.listingId, record, record.fetchedAt, text);
  }
  const reported = isReportRecrawl(record.crawlId);
  if (!pages || !deps.snapshotDir || !(flagged || reported)) return;
  const staticPage = [pages.first, pages.last].find((p) => !p.rendered && p.served);
  await saveSnapshot(deps.store, deps.snapshotDir, {
    listingId: saved.listingId,
    url: pages.last.url,
    fetchedAt: record.fetchedAt,
    contentHash: record.contentHash,
    reason: flagged ? 'flagged' : 'reported',
    served: staticPage?.served ? { status: staticPage.status, headers: staticPage.served.headers, body: staticPage.served.body } : null,
    rendered: pages.last.rendered ? pages.last.html : null,
  });
}
