import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CrawlPageJobSchema, type CrawlPageJob } from '../contracts/index.js';

/** A page of a crawl as a batch carries it: a crawl-page job without the fields the batch holds once. */
export const CrawlPageSchema = CrawlPageJobSchema.omit({ kind: true, crawlId: true });
export type CrawlPage = z.infer<typeof CrawlPageSchema>;

/**
 * Most pages one job carries. One BullMQ job per URL costs a round of BullMQ's scripts per URL; a batch
 * shares them, and the frontier's scripts, between its pages. Small enough that a batch of one slow
 * host (pages of a host are fetched PER_HOST at a time) finishes well within a job's lock renewals.
 */
export const MAX_BATCH_PAGES = 32;

/** Pages of one host a batch fetches at once; the host gate (crawler/politeness) still has the last word. */
export const PER_HOST = 2;

/**
 * Several pages of one crawl in one job: the queue's packing of crawl-page jobs (queue/crawl-job.ts
 * runs them). Its shape stays the queue's own, since only the queue makes and reads it.
 */
export const CrawlBatchJobSchema = z.object({
  kind: z.literal('crawl-batch'),
  crawlId: z.string().min(1),
  pages: z.array(CrawlPageSchema).min(1).max(MAX_BATCH_PAGES),
});
export type CrawlBatchJob = z.infer<typeof CrawlBatchJobSchema>;

/** A page as one line of a job's log (frontier-reserve.lua joins them with newlines; JSON escapes any in a URL). */
export const pageLine = (p: CrawlPage): string => JSON.stringify({ url: p.url, role: p.role, depth: p.depth });

export const pagesOfLog = (element: string): CrawlPage[] => element.split('\n').map((line) => JSON.parse(line) as CrawlPage);

export const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

/**
 * Packs pages into batches, pages of one host together so a batch mostly waits on one host, and index
 * pages in batches of their own: a job queues the links of its pages only as it ends, so an index page
 * packed with 31 listings held the crawl's next pages back until the slowest of them was classified and
 * stored (a paged search is a chain of index pages: that wait, once per page of results, was what bounded
 * a static crawl's rate, with most of the worker's job slots empty). The same pages in the same order
 * always give the same batches: a job that queues its log again after a crash makes the very jobs (and
 * job ids) it may have made before, which BullMQ then ignores.
 */
export function packPages(pages: readonly CrawlPage[]): CrawlPage[][] {
  const keys = pages.map((p) => `${p.role === 'index' ? 0 : 1}${hostOf(p.url)}`);
  const order = pages.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const batches: CrawlPage[][] = [];
  let batch: CrawlPage[] = [];
  order.forEach((j, n) => {
    batch.push(pages[j]!);
    const next = order[n + 1];
    if (batch.length === MAX_BATCH_PAGES || next === undefined || (pages[next]!.role === 'index') !== (pages[j]!.role === 'index')) {
      batches.push(batch);
      batch = [];
    }
  });
  return batches;
}

/**
 * Deterministic job id of a batch, from its URLs: a page is reserved once per crawl, so two batches with
 * the same URLs are one batch queued twice. BullMQ ids may not contain ':'.
 */
export function batchJobId(crawlId: string, pages: readonly CrawlPage[]): string {
  const digest = createHash('sha1');
  for (const p of pages) digest.update(p.url).update('\n');
  return `batch-${crawlId}-${digest.digest('hex')}`;
}

/** The pages of a crawl job of either kind: a batch, or a single page (queued before batches, or by hand). */
export const pagesOfJob = (data: CrawlBatchJob | CrawlPageJob): readonly CrawlPage[] =>
  data.kind === 'crawl-batch' ? data.pages : [{ url: data.url, role: data.role, depth: data.depth }];
