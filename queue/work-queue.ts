import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { Queue, type JobsOptions, type JobType } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB_NAMES, type DiscoverJob, type ReportJob, type SiteConfig } from '../contracts/index.js';
import { RedisUnavailableError } from './errors.js';
import { isCluster } from './connection.js';
import { batchJobId, packPages, type CrawlBatchJob, type CrawlPage } from './crawl-batch.js';
import { Frontier, RESERVED, URL_STATE, type CrawlProgress } from './frontier.js';
import { bullPrefix, CRAWL_BATCH_JOB, QUEUES, redisKeys, type RedisKeys } from './names.js';

/** The id of the repeating discovery job's scheduler. */
const DISCOVERY_SCHEDULER = 'discover-daily';

/** Retries: see retryDelay in work-worker.ts (exponential with jitter, or the server's Retry-After). */
export const CRAWL_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'faceleak' },
  removeOnComplete: { count: 1000 },
  // Failed jobs stay with their reason (the store has them too): nothing fails silently.
  removeOnFail: false,
};

/**
 * A crawl's page jobs leave nothing behind when they finish: the frontier keeps the URL's fingerprint
 * and state, the store keeps the listing or the failure with its reason (`faceleak failures`). The last
 * 1,000 failures stay in the queue as well, for Bull Board.
 */
export const PAGE_JOB_OPTIONS: JobsOptions = { ...CRAWL_JOB_OPTIONS, removeOnComplete: true, removeOnFail: { count: 1000 } };

export interface CrawlSettings {
  readonly site: SiteConfig;
  /** 0: no limit. */
  readonly maxPages: number;
}

/** The one work queue, as producers see it. */
export class WorkQueue {
  readonly queue: Queue;
  readonly keys: RedisKeys;
  /** The crawls' frontier; crawl jobs (crawl-job.ts) reserve and mark through it. */
  readonly frontier: Frontier;

  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {
    this.queue = new Queue(QUEUES.work, { connection: redis, prefix: bullPrefix(prefix, isCluster(redis)) });
    // Connection errors are the connection's to report (and the callers' to see); not an unhandled event.
    this.queue.on('error', () => {});
    this.keys = redisKeys(prefix);
    this.frontier = new Frontier(redis, this.keys);
  }

  /**
   * Stores the crawl's site config and page limit where every worker finds them; call before the
   * first page. `ttlSeconds` bounds one-off crawls. A crawl never registers its site for report
   * recrawls: that is an admin's decision (store/report-sites.ts), not a side effect of a demo.
   */
  async registerCrawl(crawlId: string, site: SiteConfig, maxPages = 0, ttlSeconds?: number): Promise<void> {
    const settings = JSON.stringify({ site, maxPages } satisfies CrawlSettings);
    if (ttlSeconds) await this.redis.set(this.keys.crawlSite(crawlId), settings, 'EX', ttlSeconds);
    else await this.redis.set(this.keys.crawlSite(crawlId), settings);
  }

  /**
   * Keeps a code-word discovery run scheduled every `everyMs` (0: none), in Redis, so it happens
   * whichever server or worker is up, once per period however many servers ask.
   */
  async scheduleDiscovery(everyMs: number): Promise<void> {
    if (everyMs <= 0) {
      await this.queue.removeJobScheduler(DISCOVERY_SCHEDULER);
      return;
    }
    const data: DiscoverJob = { kind: 'discover' };
    await this.queue.upsertJobScheduler(
      DISCOVERY_SCHEDULER,
      { every: everyMs },
      { name: JOB_NAMES.discover, data, opts: { ...CRAWL_JOB_OPTIONS, attempts: 2 } },
    );
  }

  /** How many jobs are in each state (for metrics and tests). */
  jobCounts(...states: JobType[]): Promise<Record<string, number>> {
    return this.queue.getJobCounts(...states);
  }

  /** The queue as Bull Board shows it (the admins' dashboard). */
  dashboardAdapter(): BullMQAdapter {
    // Required here, by the server alone: Bull Board's adapter is a good part of the start-up of every
    // crawl and worker process, which never show the dashboard.
    const { BullMQAdapter: Adapter } = createRequire(import.meta.url)('@bull-board/api/bullMQAdapter') as { BullMQAdapter: typeof BullMQAdapter };
    return new Adapter(this.queue);
  }

  async crawlSettings(crawlId: string): Promise<CrawlSettings | null> {
    const raw = await this.redis.get(this.keys.crawlSite(crawlId));
    return raw ? (JSON.parse(raw) as CrawlSettings) : null;
  }

  /**
   * Queues pages not seen before in the crawl (up to maxPages in all), several to a job (crawl-batch.ts);
   * returns how many were new. With `requeueSeen`, pages seen but not yet finished are added again too:
   * a retried caller re-adds what a crash may have kept from being queued, and offering the same pages
   * gives the same batch ids, which BullMQ ignores when it holds them. (Crawl jobs themselves log what
   * they reserve instead, crawl-job.ts, which needs no such care.)
   */
  async enqueuePages(crawlId: string, pages: readonly CrawlPage[], maxPages = 0, requeueSeen = false): Promise<number> {
    if (pages.length === 0) return 0;
    const codes = await this.frontier.reserve(
      crawlId,
      pages.map((p) => p.url),
      maxPages,
    );
    const wanted = (code: number) => code === RESERVED.fresh || (requeueSeen && code === RESERVED.seenUnfinished);
    await this.addPages(
      crawlId,
      pages.filter((_, i) => wanted(codes[i]!)),
    );
    return codes.filter((c) => c === RESERVED.fresh).length;
  }

  /** Queues pages already reserved, packed into batches with deterministic ids (packPages, batchJobId). */
  async addPages(crawlId: string, pages: readonly CrawlPage[]): Promise<void> {
    if (pages.length === 0) return;
    await this.queue.addBulk(
      packPages(pages.map(({ url, role, depth }) => ({ url, role, depth }))).map((batch) => ({
        name: CRAWL_BATCH_JOB,
        data: { kind: 'crawl-batch', crawlId, pages: batch } satisfies CrawlBatchJob,
        // An index page goes to the head of the queue: a paged search is a chain whose next page is
        // queued only when this one's job ends, and, taken in turn behind the listings queued before it,
        // the chain paced a static crawl (about 5 index pages a second on the demo market).
        opts: { ...PAGE_JOB_OPTIONS, jobId: batchJobId(crawlId, batch), lifo: batch[0]!.role === 'index' },
      })),
    );
  }

  /**
   * Queues a stored report; its id is the job id, so queuing it twice is harmless. Fails at once
   * when Redis is away (BullMQ itself would wait for it), so the API can answer 503 and the
   * moderator's extension retries later.
   */
  async enqueueReport(reportId: string): Promise<void> {
    if (this.redis.status !== 'ready') throw new RedisUnavailableError(`Redis is ${this.redis.status}`);
    await this.queue.add(JOB_NAMES.report, { kind: 'report', reportId } satisfies ReportJob, { ...CRAWL_JOB_OPTIONS, jobId: `report-${reportId}` });
  }

  async markDone(crawlId: string, url: string): Promise<void> {
    await this.frontier.mark(crawlId, url, URL_STATE.done);
  }

  async markFailed(crawlId: string, url: string): Promise<void> {
    await this.frontier.mark(crawlId, url, URL_STATE.failed);
  }

  async markListing(crawlId: string, canonicalUrl: string, flagged: boolean): Promise<void> {
    await this.frontier.mark(crawlId, canonicalUrl, URL_STATE.listing | (flagged ? URL_STATE.flagged : 0));
  }

  /** markListing for several listings: one call for the flagged, one for the others. */
  async markListings(crawlId: string, listings: readonly { readonly canonicalUrl: string; readonly flagged: boolean }[]): Promise<void> {
    const flagged = listings.filter((l) => l.flagged).map((l) => l.canonicalUrl);
    const others = listings.filter((l) => !l.flagged).map((l) => l.canonicalUrl);
    await Promise.all([
      flagged.length > 0 ? this.frontier.markAll(crawlId, flagged, URL_STATE.listing | URL_STATE.flagged) : undefined,
      others.length > 0 ? this.frontier.markAll(crawlId, others, URL_STATE.listing) : undefined,
    ]);
  }

  /** The crawl's counters: exact, each URL counted once per state however often its job ran. */
  progress(crawlId: string): Promise<CrawlProgress> {
    return this.frontier.progress(crawlId);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/**
 * Deterministic job id of a single-page job (queued before batches, and by the bench's BullMQ-only
 * baseline): the same page of the same crawl is one job. BullMQ ids may not contain ':'.
 */
export function pageJobId(crawlId: string, url: string): string {
  return `page-${crawlId}-${createHash('sha1').update(url).digest('hex')}`;
}
