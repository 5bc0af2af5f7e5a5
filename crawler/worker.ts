import type { Worker } from 'bullmq';
import { Classifier } from '../classifier/classify.js';
import type { Config } from '../config/config.js';
import { connectRedis, startWorkWorker, WorkQueue } from '../queue/index.js';
import { openStore, type Store } from '../store/index.js';
import { CrawlContexts } from './crawl-context.js';
import { BrowserPool } from './fetch/browser-pool.js';
import type { FetchPolicy } from './fetch/http-client.js';
import { HostGate } from './politeness/host-gate.js';
import { processReport } from '../reports/process-report.js';
import { processPage, type CrawlDeps } from './process-page.js';
import { RenderLearning } from './render-learning.js';
import { Robots } from './robots.js';

export interface CrawlWorkerOptions {
  readonly config: Config;
  readonly redisUrl: string;
  readonly concurrency: number;
  readonly lockDurationMs?: number;
  /** Test seam: tighter fetch limits (timeouts) for every crawl this worker runs. */
  readonly policyOverrides?: Partial<FetchPolicy>;
  /** Reuse a classifier or store the caller already has (one per process is enough). */
  readonly classifier?: Classifier;
  readonly store?: Store;
}

export interface CrawlWorker {
  readonly worker: Worker;
  readonly deps: CrawlDeps;
  /** Finishes the jobs in hand (or, with force, hands them back to the queue) and releases everything. */
  close(force?: boolean): Promise<void>;
}

export async function startCrawlWorker(o: CrawlWorkerOptions): Promise<CrawlWorker> {
  const redis = connectRedis(o.redisUrl);
  const queue = new WorkQueue(redis, o.config.queuePrefix);
  const store = o.store ?? (await openStore(o.config));
  const browser = new BrowserPool({ chromiumPath: o.config.chromiumPath, networkIsolation: o.config.chromiumNetworkIsolation });
  const deps: CrawlDeps = {
    queue,
    contexts: new CrawlContexts(queue, o.policyOverrides),
    robots: new Robots(redis, queue.keys),
    learning: new RenderLearning(redis, queue.keys),
    gate: new HostGate(redis, queue.keys),
    browser,
    classifier: o.classifier ?? Classifier.load(),
    store,
  };
  const { worker, close: closeWorker } = startWorkWorker(
    { redisUrl: o.redisUrl, prefix: o.config.queuePrefix, concurrency: o.concurrency, lockDurationMs: o.lockDurationMs },
    { 'crawl-page': (job) => processPage(job, deps), report: (job) => processReport(job, deps) },
  );
  worker.on('error', () => {}); // connection blips are retried by ioredis; job errors are recorded per job
  return {
    worker,
    deps,
    async close(force = false) {
      await closeWorker(force);
      await browser.close();
      await queue.close();
      redis.disconnect();
      if (!o.store) await store.close();
    },
  };
}
