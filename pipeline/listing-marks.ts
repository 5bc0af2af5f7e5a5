import type { WorkQueue } from '../queue/index.js';

/**
 * The listings a crawl job's pages stored, marked in the frontier together as the job ends, before its
 * pages are marked done (crawl-job.ts), rather than with a Redis call per page. A crash before then
 * loses nothing: the pages are not done, so the job runs again and stores and marks them again (both
 * idempotent; the frontier counts each URL once).
 */
export class ListingMarks {
  private listings: { canonicalUrl: string; flagged: boolean }[] = [];

  add(canonicalUrl: string, flagged: boolean): void {
    this.listings.push({ canonicalUrl, flagged });
  }

  async flush(queue: WorkQueue, crawlId: string): Promise<void> {
    const listings = this.listings;
    this.listings = [];
    if (listings.length > 0) await queue.markListings(crawlId, listings);
  }
}
