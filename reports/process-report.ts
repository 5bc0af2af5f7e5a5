import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import type { Classifier } from '../classifier/classify.js';
import type { ReportJob } from '../contracts/index.js';
import { canonicalUrl } from '../crawler/canonical-url.js';
import { PermanentError } from '../crawler/errors.js';
import { getReport, saveListing, setReportStatus, type Store } from '../store/index.js';

export interface ReportDeps {
  readonly store: Store;
  readonly classifier: Classifier;
}

/** Site name of a reported page on a host no crawl config names. */
export const reportedSite = (url: string) => `reported:${new URL(url).host.toLowerCase()}`;

/**
 * Classifies a moderator's report from the text it carries and stores it as a listing (source
 * "report"), linked to the report. Idempotent: a re-run lands on the same listing and verdict.
 */
export async function processReport(job: Job<ReportJob>, deps: ReportDeps): Promise<void> {
  const report = await getReport(deps.store, job.data.reportId);
  if (!report) throw new PermanentError(`report ${job.data.reportId} does not exist`);
  try {
    await setReportStatus(deps.store, report.id, 'processing');
    const fields = { title: report.title, description: report.description, price: report.price };
    const verdict = deps.classifier.classify(fields);
    const text = JSON.stringify([report.title, report.description, report.price, report.seller]);
    const { listingId } = await saveListing(
      deps.store,
      {
        site: reportedSite(report.url),
        url: report.url,
        canonicalUrl: canonicalUrl(report.url),
        ...fields,
        seller: report.seller,
        images: [],
        fetchedAt: report.createdAt,
        httpStatus: null,
        contentHash: createHash('sha256').update(text).digest('hex'),
        source: 'report',
        crawlId: null,
      },
      verdict,
    );
    await setReportStatus(deps.store, report.id, 'classified', { listingId });
  } catch (error) {
    const final = error instanceof PermanentError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (final) await setReportStatus(deps.store, report.id, 'failed', { error: (error as Error).message });
    throw error;
  }
}
