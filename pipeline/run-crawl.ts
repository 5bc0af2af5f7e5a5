import { randomBytes } from 'node:crypto';
import type { Config } from '../config/index.js';
import type { SiteConfig } from '../contracts/index.js';
import { connectRedis, WorkQueue, type CrawlProgress } from '../queue/index.js';
import { canonicalUrl, checkSeeds, startRole } from '../crawler/index.js';
import { startPipelineWorker, type PipelineWorkerOptions } from './pipeline-worker.js';

export interface RunCrawlOptions {
  readonly config: Config;
  readonly redisUrl: string;
  readonly site: SiteConfig;
  /** Start here instead of the site's startUrls. */
  readonly seeds?: readonly string[];
  readonly maxPages?: number;
  readonly concurrency?: number;
  /** Only queue the start URLs; workers elsewhere do the rest. */
  readonly enqueueOnly?: boolean;
  readonly onProgress?: (p: CrawlProgress & { elapsedMs: number }) => void;
  readonly progressEveryMs?: number;
  readonly worker?: Partial<PipelineWorkerOptions>;
}

export interface CrawlResult {
  readonly crawlId: string;
  readonly progress: CrawlProgress;
  readonly elapsedMs: number;
}

export function newCrawlId(site: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return `${site}-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Every page the crawl has seen is done or failed: nothing is left to work. */
export const drained = (p: CrawlProgress): boolean => p.seen > 0 && p.done + p.failed >= p.seen;

/** Queues a crawl and, unless enqueueOnly, works it in this process until nothing is left. */
export async function runCrawl(o: RunCrawlOptions): Promise<CrawlResult> {
  // Before Redis is touched: a bad seed queues nothing (the CLI checks first too, before starting Redis).
  if (o.seeds?.length) checkSeeds(o.site, o.seeds);
  const started = Date.now();
  const crawlId = newCrawlId(o.site.name);
  const redis = connectRedis(o.redisUrl);
  const queue = new WorkQueue(redis, o.config.queuePrefix);
  try {
    await queue.registerCrawl(crawlId, o.site, o.maxPages ?? 0);
    // A start URL that is itself a listing (`--seed https://…/item/123`) is extracted, not only followed.
    const seeds = (o.seeds?.length ? o.seeds : o.site.startUrls).map((u) => ({
      url: canonicalUrl(u, o.site.dropParams),
      role: startRole(u, o.site),
      depth: 0,
    }));
    await queue.enqueuePages(crawlId, seeds, o.maxPages ?? 0);
    if (o.enqueueOnly) return { crawlId, progress: await queue.progress(crawlId), elapsedMs: Date.now() - started };
    const worker = await startPipelineWorker({ config: o.config, redisUrl: o.redisUrl, concurrency: o.concurrency ?? 4, ...o.worker });
    try {
      for (;;) {
        await new Promise((r) => setTimeout(r, o.progressEveryMs ?? 500));
        const p = await queue.progress(crawlId);
        o.onProgress?.({ ...p, elapsedMs: Date.now() - started });
        if (drained(p)) return { crawlId, progress: p, elapsedMs: Date.now() - started };
      }
    } finally {
      await worker.close();
    }
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
