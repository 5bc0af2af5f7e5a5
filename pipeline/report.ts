import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import type { LiveClassifier } from './live-classifier.js';
import { isFinalFailure } from './retry.js';
import type { ListingPrice, ReportJob, SiteConfig } from '../contracts/index.js';
import { parsePrice } from '../extract/index.js';
import { canonicalUrl } from '../crawler/index.js';
import { PermanentError } from '../contracts/index.js';
import type { WorkQueue } from '../queue/index.js';
import { getReport, reportSiteForUrl, saveListing, setReportStatus, type ListingRecord, type ReportRecord, type Store } from '../store/index.js';
import { afterListingStored } from './seller-linking.js';

export interface ReportDeps {
  readonly store: Store;
  readonly classifier: LiveClassifier;
  readonly queue: WorkQueue;
}

/** Site name of a reported page on a host no crawl config names. */
export const reportedSite = (url: string) => `reported:${new URL(url).host.toLowerCase()}`;

/** The one-page crawl that fetches a reported page for evidence; its settings expire after a week. */
export const recrawlId = (reportId: string) => `report-${reportId}`;
const RECRAWL_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Classifies a moderator's report from the text it carries and stores it as a listing (source
 * "report"), linked to the report. When the URL is on a site registered for reports, the listing is that site's
 * (same canonical URL as its crawls) and the page is queued for a recrawl, whose text lands on the
 * same listing as a new version. Idempotent: a re-run lands on the same listing, verdict and job.
 */
export async function processReport(job: Job<ReportJob>, deps: ReportDeps): Promise<void> {
  const report = await getReport(deps.store, job.data.reportId);
  if (!report) throw new PermanentError(`report ${job.data.reportId} does not exist`);
  try {
    await setReportStatus(deps.store, report.id, 'processing');
    // Only sites an admin registered are recrawled, and a private-network one only with the admin's say-so:
    // a report URL must never turn the server into a fetcher of addresses a moderator picked.
    const registered = await reportSiteForUrl(deps.store, report.url);
    const site = registered?.site ?? null;
    const listingId = await saveReportedListing(deps, report, site);
    if (registered?.recrawl) await queueRecrawl(deps.queue, report, registered.site, job.attemptsStarted > 1);
    await setReportStatus(deps.store, report.id, 'classified', { listingId });
  } catch (error) {
    if (isFinalFailure(error, job)) await setReportStatus(deps.store, report.id, 'failed', { error: (error as Error).message });
    throw error;
  }
}

async function saveReportedListing(deps: ReportDeps, report: ReportRecord, site: SiteConfig | null): Promise<number> {
  const fields = { title: report.title, description: report.description, price: report.price };
  const verdict = deps.classifier.classify(fields);
  const text = JSON.stringify([report.title, report.description, report.price, report.seller]);
  const record: ListingRecord = {
    site: site?.name ?? reportedSite(report.url),
    url: report.url,
    canonicalUrl: canonicalUrl(report.url, site?.dropParams ?? []),
    ...fields,
    // The moderator's price text as data, read as extraction reads a page's price field.
    ...priceData(report.price),
    seller: report.seller,
    images: [],
    fetchedAt: report.createdAt,
    httpStatus: null,
    contentHash: createHash('sha256').update(text).digest('hex'),
    source: 'report',
    crawlId: null,
  };
  const saved = await saveListing(deps.store, record, verdict);
  // The reported text joins its seller's cluster; nothing was fetched, so there is no snapshot (a recrawl keeps one).
  await afterListingStored(deps, saved, record, verdict.flagged);
  return saved.listingId;
}

async function queueRecrawl(queue: WorkQueue, report: ReportRecord, site: SiteConfig, retried: boolean): Promise<void> {
  const crawlId = recrawlId(report.id);
  await queue.registerCrawl(crawlId, site, 1, RECRAWL_TTL_SECONDS);
  await queue.enqueuePages(crawlId, [{ url: canonicalUrl(report.url, site.dropParams), role: 'listing', depth: 0 }], 1, retried);
}

function priceData(text: string | null): ListingPrice {
  const price = text === null ? null : parsePrice(text, { bare: true });
  return { priceAmount: price?.amount ?? null, currency: price?.currency ?? null, priceUnit: price?.unit ?? null };
}
