import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { packagePath } from '../config/index.js';
import { urlFingerprint } from './fingerprint.js';
import type { RedisKeys } from './names.js';

const RESERVE = readFileSync(packagePath('queue', 'frontier-reserve.lua'), 'utf8');
const MARK = readFileSync(packagePath('queue', 'frontier-mark.lua'), 'utf8');

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

interface FrontierCommands {
  frontierReserve(numberOfKeys: number, ...args: (string | Buffer | number)[]): Promise<number[]>;
  frontierMark(counts: string, bucket: string, field: Buffer, bits: number): Promise<number>;
}

/**
 * A crawl's frontier bookkeeping in Redis: which canonical URLs it has seen, which are done or failed,
 * which were listings and which flagged, kept as 64-bit fingerprints (fingerprint.ts) with exact
 * counters beside them. The URLs themselves live only in queued jobs and in the store.
 */
export class Frontier {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    // numberOfKeys left out: a reservation names one bucket per URL, so the count is the first argument.
    if (!('frontierReserve' in redis)) redis.defineCommand('frontierReserve', { lua: RESERVE });
    if (!('frontierMark' in redis)) redis.defineCommand('frontierMark', { numberOfKeys: 2, lua: MARK });
  }

  private get commands(): FrontierCommands {
    return this.redis as unknown as FrontierCommands;
  }

  /** Reserves each URL unless seen before or the crawl holds maxPages (0: no limit); one code per URL, in order. */
  async reserve(crawlId: string, urls: readonly string[], maxPages = 0): Promise<Reserved[]> {
    if (urls.length === 0) return [];
    const prints = urls.map(urlFingerprint);
    const buckets = prints.map((p) => this.keys.crawlBucket(crawlId, p.bucket));
    const fields = prints.map((p) => p.field);
    const codes = await this.commands.frontierReserve(urls.length + 1, this.keys.crawlCounts(crawlId), ...buckets, maxPages, ...fields);
    return codes as Reserved[];
  }

  /** Sets state bits of a URL (URL_STATE), counting each at most once however often it is called. */
  async mark(crawlId: string, url: string, bits: number): Promise<void> {
    const { bucket, field } = urlFingerprint(url);
    await this.commands.frontierMark(this.keys.crawlCounts(crawlId), this.keys.crawlBucket(crawlId, bucket), field, bits);
  }

  async progress(crawlId: string): Promise<CrawlProgress> {
    const [seen, done, failed, listings, flagged] = (
      await this.redis.hmget(this.keys.crawlCounts(crawlId), 'seen', 'done', 'failed', 'listings', 'flagged')
    ).map((v) => Number(v ?? 0));
    return { seen: seen!, done: done!, failed: failed!, listings: listings!, flagged: flagged! };
  }
}
