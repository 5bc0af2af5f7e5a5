import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { Queue, type JobsOptions, type JobType } from 'bullmq';
import type { Redis } from 'ioredis';
import { packagePath } from '../config/index.js';
import { JOB_NAMES, type CrawlPageJob, type DiscoverJob, type ReportJob, type SiteConfig } from '../contracts/index.js';
import { RedisUnavailableError } from './errors.js';
import { QUEUES, redisKeys, type RedisKeys } from './names.js';

/** The id of the repeating discovery job's scheduler. */
const DISCOVERY_SCHEDULER = 'discover-daily';

const RESERVE = readFileSync(packagePath('queue', 'reserve-urls.lua'), 'utf8');

/** Retries: see retryDelay in work-worker.ts (exponential with jitter, or the server's Retry-After). */
export const CRAWL_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'faceleak' },
  removeOnComplete: { count: 1000 },
  // Failed jobs stay with their reason (the store has them too): nothing fails silently.
  removeOnFail: false,
};

export interface CrawlSettings {
  readonly site: SiteConfig;
  /** 0: no limit. */
  readonly maxPages: number;
}

export interface CrawlProgress {
  readonly seen: number;
  readonly done: number;
  readonly failed: number;
  readonly listings: number;
  readonly flagged: number;
}

/** The one work queue, as producers see it. */
export class WorkQueue {
  readonly queue: Queue;
  readonly keys: RedisKeys;

  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {
    this.queue = new Queue(QUEUES.work, { connection: redis, prefix });
    // Connection errors are the connection's to report (and the callers' to see); not an unhandled event.
    this.queue.on('error', () => {});
    this.keys = redisKeys(prefix);
    if (!('reserveUrls' in redis)) redis.defineCommand('reserveUrls', { numberOfKeys: 1, lua: RESERVE });
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
    return new BullMQAdapter(this.queue);
  }

  async crawlSettings(crawlId: string): Promise<CrawlSettings | null> {
    const raw = await this.redis.get(this.keys.crawlSite(crawlId));
    return raw ? (JSON.parse(raw) as CrawlSettings) : null;
  }

  /**
   * Queues pages not seen before in the crawl (up to maxPages in all). With `requeueSeen`, pages
   * already seen are added again too: a retried job re-adds what a crash may have kept from being
   * queued; BullMQ ignores a job id it already holds.
   */
  async enqueuePages(crawlId: string, pages: readonly Omit<CrawlPageJob, 'kind' | 'crawlId'>[], maxPages = 0, requeueSeen = false): Promise<number> {
    if (pages.length === 0) return 0;
    const redis = this.redis as unknown as { reserveUrls(...args: unknown[]): Promise<string[]> };
    const fresh = new Set(await redis.reserveUrls(this.keys.crawlSeen(crawlId), maxPages, ...pages.map((p) => p.url)));
    const toAdd = requeueSeen ? await this.filterSeen(crawlId, pages, fresh) : pages.filter((p) => fresh.has(p.url));
    await this.queue.addBulk(
      toAdd.map((p) => ({
        name: JOB_NAMES['crawl-page'],
        data: { kind: 'crawl-page', crawlId, ...p } satisfies CrawlPageJob,
        opts: { ...CRAWL_JOB_OPTIONS, jobId: pageJobId(crawlId, p.url) },
      })),
    );
    return fresh.size;
  }

  private async filterSeen(crawlId: string, pages: readonly Omit<CrawlPageJob, 'kind' | 'crawlId'>[], fresh: Set<string>) {
    const seen = await this.redis.smismember(this.keys.crawlSeen(crawlId), ...pages.map((p) => p.url));
    return pages.filter((p, i) => fresh.has(p.url) || seen[i] === 1);
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
    await this.redis.sadd(this.keys.crawlDone(crawlId), url);
  }

  async markFailed(crawlId: string, url: string): Promise<void> {
    await this.redis.sadd(this.keys.crawlFailed(crawlId), url);
  }

  async markListing(crawlId: string, canonicalUrl: string, flagged: boolean): Promise<void> {
    const m = this.redis.multi().sadd(this.keys.crawlListings(crawlId), canonicalUrl);
    if (flagged) m.sadd(this.keys.crawlFlagged(crawlId), canonicalUrl);
    await m.exec();
  }

  async progress(crawlId: string): Promise<CrawlProgress> {
    const k = this.keys;
    const r = await this.redis
      .multi()
      .scard(k.crawlSeen(crawlId))
      .scard(k.crawlDone(crawlId))
      .scard(k.crawlFailed(crawlId))
      .scard(k.crawlListings(crawlId))
      .scard(k.crawlFlagged(crawlId))
      .exec();
    const n = (i: number) => Number(r?.[i]?.[1] ?? 0);
    return { seen: n(0), done: n(1), failed: n(2), listings: n(3), flagged: n(4) };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** Deterministic job id: the same page of the same crawl is one job. BullMQ ids may not contain ':'. */
export function pageJobId(crawlId: string, url: string): string {
  return `page-${crawlId}-${createHash('sha1').update(url).digest('hex')}`;
}
