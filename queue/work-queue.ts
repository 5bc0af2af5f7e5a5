import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { packagePath } from '../classifier/package-root.js';
import { JOB_NAMES, type CrawlPageJob, type SiteConfig } from '../contracts/index.js';
import { QUEUES, redisKeys, type RedisKeys } from './names.js';

const RESERVE = readFileSync(packagePath('queue', 'reserve-urls.lua'), 'utf8');

/** Retries: 5xx and timeouts back off exponentially with jitter (1 s, 2 s, 4 s, … ±50%). */
export const CRAWL_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { count: 1000 },
  // Failed jobs stay with their reason (the store has them too): nothing fails silently.
  removeOnFail: false,
};

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
    this.keys = redisKeys(prefix);
    if (!('reserveUrls' in redis)) redis.defineCommand('reserveUrls', { numberOfKeys: 1, lua: RESERVE });
  }

  /** Stores the site config where every worker finds it; call before the first page of a crawl. */
  async registerCrawl(crawlId: string, site: SiteConfig): Promise<void> {
    await this.redis.set(this.keys.crawlSite(crawlId), JSON.stringify(site));
  }

  async siteOf(crawlId: string): Promise<SiteConfig | null> {
    const raw = await this.redis.get(this.keys.crawlSite(crawlId));
    return raw ? (JSON.parse(raw) as SiteConfig) : null;
  }

  /**
   * Queues pages not seen before in the crawl (up to maxPages in all). With `requeueSeen`, pages
   * already seen are added again too: a retried job re-adds what a crash may have kept from being
   * queued; BullMQ ignores a job id it already holds.
   */
  async enqueuePages(crawlId: string, pages: readonly Omit<CrawlPageJob, 'kind' | 'crawlId'>[], maxPages = 0, requeueSeen = false): Promise<number> {
    if (pages.length === 0) return 0;
    const reserve = (this.redis as unknown as Record<string, (...a: unknown[]) => Promise<string[]>>).reserveUrls!;
    const fresh = new Set(await reserve(this.keys.crawlSeen(crawlId), maxPages, ...pages.map((p) => p.url)));
    const toAdd = requeueSeen
      ? await this.filterSeen(crawlId, pages, fresh)
      : pages.filter((p) => fresh.has(p.url));
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
