import type { Job } from 'bullmq';
import { FatalError, PermanentError, type CrawlPageJob } from '../contracts/index.js';
import { hostOf, PER_HOST, pageLine, pagesOfJob, pagesOfLog, type CrawlBatchJob, type CrawlPage } from './crawl-batch.js';
import { RESERVED, URL_STATE } from './frontier.js';
import type { WorkQueue } from './work-queue.js';

/** What the pipeline does with one page of a crawl job: fetch it, store what it holds, and return the links to follow. */
export type PageWork = (page: CrawlPageJob) => Promise<readonly CrawlPage[]>;

export interface CrawlJobOptions {
  readonly work: PageWork;
  /** The crawl's page limit (0: none), read only when a page led somewhere. */
  readonly maxPages: (crawlId: string) => Promise<number>;
  /** Runs after the pages' work and before they are marked done: what the pages held, recorded in one go (pipeline/listing-marks.ts). */
  readonly beforeDone?: () => Promise<void>;
}

const FINISHED = URL_STATE.done | URL_STATE.failed;

/**
 * Runs a crawl job: a batch of pages (or a single one), each fetched once per crawl.
 *
 * 1. claim: skips pages already done or failed (a batch retried, or queued again after it finished), and
 *    queues again what an earlier attempt reserved but may not have queued (the job's log);
 * 2. each page's work, pages of one host PER_HOST at a time, every fetch through the host gate;
 * 3. the links of all its pages reserved in one call, the new ones logged in the same step, then queued;
 * 4. its pages that succeeded marked done, and the log deleted, in one call.
 *
 * A crash anywhere repeats at most the steps after the last one that finished; counters move only with
 * state bits, so they stay exact. A page that failed for a reason worth retrying fails the job after
 * step 4, and the retry does only the pages left.
 */
export async function runCrawlJob(queue: WorkQueue, job: Job<CrawlBatchJob | CrawlPageJob>, o: CrawlJobOptions): Promise<void> {
  const { crawlId } = job.data;
  const jobId = job.id!;
  const pages = pagesOfJob(job.data);
  const claim = await queue.frontier.claim(
    crawlId,
    jobId,
    pages.map((p) => p.url),
  );
  for (const element of claim.logged) await queue.addPages(crawlId, pagesOfLog(element));
  const todo = pages.filter((_, i) => (claim.states[i]! & FINISHED) === 0);

  const outcomes = await perHost(todo, (p) => o.work({ kind: 'crawl-page', crawlId, ...p }));
  const done: string[] = [];
  const links: CrawlPage[] = [];
  const errors: unknown[] = [];
  outcomes.forEach((r, i) => {
    if (r.status === 'rejected') return void errors.push(r.reason);
    done.push(todo[i]!.url);
    links.push(...r.value);
  });

  if (links.length > 0) {
    const lines = links.map(pageLine);
    const codes = await queue.frontier.reserve(
      crawlId,
      links.map((l) => l.url),
      await o.maxPages(crawlId),
      { jobId, pages: lines },
    );
    // The very pages, in the very order, the log holds: a replay packs them into the same batches.
    const fresh = lines.filter((_, i) => codes[i] === RESERVED.fresh);
    if (fresh.length > 0) await queue.addPages(crawlId, pagesOfLog(fresh.join('\n')));
  }
  await o.beforeDone?.();
  if (done.length > 0 || claim.logged.length > 0 || links.length > 0) await queue.frontier.markAll(crawlId, done, URL_STATE.done, jobId);
  if (errors.length > 0) throw jobError(errors, todo.length);
}

/** Runs `work` on every page, at most PER_HOST of one host at a time, all hosts at once; settles all. */
async function perHost<T>(pages: readonly CrawlPage[], work: (p: CrawlPage) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const out: PromiseSettledResult<T>[] = new Array(pages.length);
  const byHost = new Map<string, number[]>();
  pages.forEach((p, i) => {
    const host = hostOf(p.url);
    const same = byHost.get(host);
    if (same) same.push(i);
    else byHost.set(host, [i]);
  });
  const lane = async (queue: number[]) => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      try {
        out[i] = { status: 'fulfilled', value: await work(pages[i]!) };
      } catch (reason) {
        out[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all([...byHost.values()].flatMap((indexes) => Array.from({ length: Math.min(PER_HOST, indexes.length) }, () => lane(indexes))));
  return out;
}

/**
 * The job's error: one worth retrying when any page has one (the retry does only pages left), else the
 * final failures together (each already recorded by the pipeline), so the job fails at once.
 */
function jobError(errors: unknown[], pages: number): unknown {
  const fatal = errors.find((e) => e instanceof FatalError);
  if (fatal) return fatal;
  const retryable = errors.filter((e) => !(e instanceof PermanentError));
  if (retryable.length > 0) {
    const after = (e: unknown) => (e as { retryAfterMs?: number }).retryAfterMs ?? -1;
    return retryable.reduce((a, b) => (after(b) > after(a) ? b : a));
  }
  if (pages === 1) return errors[0];
  return new PermanentError(`${errors.length} of ${pages} pages failed: ${errors.map((e) => (e as Error).message).join('; ')}`);
}
