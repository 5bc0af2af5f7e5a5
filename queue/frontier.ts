import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { packagePath } from '../config/index.js';
import { urlFingerprint } from './fingerprint.js';
import type { RedisKeys } from './names.js';

const RESERVE = readFileSync(packagePath('queue', 'frontier-reserve.lua'), 'utf8');
const MARK = readFileSync(packagePath('queue', 'frontier-mark.lua'), 'utf8');
const CLAIM = readFileSync(packagePath('queue', 'frontier-claim.lua'), 'utf8');

/** State bits of a URL in a crawl, as frontier-mark.lua counts them. */
export const URL_STATE = { done: 2, failed: 4, listing: 8, flagged: 16 } as const;

/** What reserving one URL found; see frontier-reserve.lua. */
export const RESERVED = { refused: 0, fresh: 1, seenUnfinished: 2, seenFinished: 3 } as const;
export type Reserved = (typeof RESERVED)[keyof typeof RESERVED];

export interface CrawlProgress {
  readonly seen: number;
  readonly done: number;
  readonly failed: number;
  readonly listings: number;
  readonly flagged: number;
}

/** A job's attempt as it starts: each URL's state bits, and the pages an earlier attempt logged (JSON lines). */
export interface Claim {
  readonly states: number[];
  readonly logged: string[];
}

type Args = (string | Buffer | number)[];
interface FrontierCommands {
  frontierReserve(numberOfKeys: number, ...args: Args): Promise<number[]>;
  frontierMark(numberOfKeys: number, ...args: Args): Promise<number>;
  frontierClaim(numberOfKeys: number, ...args: Args): Promise<[number[], string[]]>;
}

// The log name of calls made for no job: never written, so deleting it is harmless (job ids are never empty).
const NO_JOB = '';

/**
 * A crawl's frontier bookkeeping in Redis: which canonical URLs it has seen, which are done or failed,
 * which were listings and which flagged, kept as 64-bit fingerprints (fingerprint.ts) with exact
 * counters beside them. The URLs themselves live only in queued jobs, in the log of a job between
 * reserving pages and queuing them, and in the store.
 */
export class Frontier {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    // numberOfKeys left out: each call names one bucket per URL, so the count is the first argument.
    if (!('frontierReserve' in redis)) redis.defineCommand('frontierReserve', { lua: RESERVE });
    if (!('frontierMark' in redis)) redis.defineCommand('frontierMark', { lua: MARK });
    if (!('frontierClaim' in redis)) redis.defineCommand('frontierClaim', { lua: CLAIM });
  }

  private get commands(): FrontierCommands {
    return this.redis as unknown as FrontierCommands;
  }

  private located(crawlId: string, urls: readonly string[]) {
    const prints = urls.map(urlFingerprint);
    return { buckets: prints.map((p) => this.keys.crawlBucket(crawlId, p.bucket)), fields: prints.map((p) => p.field) };
  }

  /**
   * Reserves each URL unless seen before or the crawl holds maxPages (0: no limit); one code per URL, in
   * order. With `log` (a job id and each URL's page as a JSON line), the pages newly reserved are logged
   * under that job in the same step, for the job to queue them (see Claim).
   */
  async reserve(crawlId: string, urls: readonly string[], maxPages = 0, log?: { jobId: string; pages: readonly string[] }): Promise<Reserved[]> {
    if (urls.length === 0) return [];
    const { buckets, fields } = this.located(crawlId, urls);
    const logKey = this.keys.crawlJobLog(crawlId, log?.jobId ?? NO_JOB);
    const codes = await this.commands.frontierReserve(
      urls.length + 2,
      this.keys.crawlCounts(crawlId),
      logKey,
      ...buckets,
      maxPages,
      ...fields,
      ...(log?.pages ?? []),
    );
    return codes as Reserved[];
  }

  /** Reads the state of a job's URLs and its log (frontier-claim.lua). */
  async claim(crawlId: string, jobId: string, urls: readonly string[]): Promise<Claim> {
    const { buckets, fields } = this.located(crawlId, urls);
    const [states, logged] = await this.commands.frontierClaim(urls.length + 1, this.keys.crawlJobLog(crawlId, jobId), ...buckets, ...fields);
    return { states, logged };
  }

  /** Sets state bits of URLs (URL_STATE), counting each at most once however often it is called; with a job id, deletes its log. */
  async markAll(crawlId: string, urls: readonly string[], bits: number, jobId = NO_JOB): Promise<void> {
    const { buckets, fields } = this.located(crawlId, urls);
    await this.commands.frontierMark(urls.length + 2, this.keys.crawlCounts(crawlId), this.keys.crawlJobLog(crawlId, jobId), ...buckets, bits, ...fields);
  }

  /** Sets state bits of a URL (URL_STATE), counting each at most once however often it is called. */
  mark(crawlId: string, url: string, bits: number): Promise<void> {
    return this.markAll(crawlId, [url], bits);
  }

  async progress(crawlId: string): Promise<CrawlProgress> {
    const [seen, done, failed, listings, flagged] = (
      await this.redis.hmget(this.keys.crawlCounts(crawlId), 'seen', 'done', 'failed', 'listings', 'flagged')
    ).map((v) => Number(v ?? 0));
    return { seen: seen!, done: done!, failed: failed!, listings: listings!, flagged: flagged! };
  }
}
