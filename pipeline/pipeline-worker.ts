import type { Job, Worker } from 'bullmq';
import { Classifier } from '../classifier/index.js';
import { snapshotDirOf, type Config } from '../config/index.js';
import { connectRedis, redisKeys, runCrawlJob, startWorkWorker, WorkQueue, type CrawlBatchJob } from '../queue/index.js';
import type { CrawlPageJob } from '../contracts/index.js';
import { openStore, type Store } from '../store/index.js';
import { CrawlContexts } from './crawl-context.js';
import { BrowserPool } from '../crawler/index.js';
import type { FetchPolicy } from '../crawler/index.js';
import { HostGate } from '../crawler/index.js';
import { processDiscovery } from './discover-job.js';
import { LiveClassifier } from './live-classifier.js';
import { StoreThread } from './store-thread.js';
import { processReport } from './report.js';
import { processPage, type CrawlDeps } from './crawl-page.js';
import { ListingMarks } from './listing-marks.js';
import { processRevisit } from './revisit-job.js';
import { RevisitSchedule } from './revisit-schedule.js';
import { RenderLearning } from '../crawler/index.js';
import { Robots } from '../crawler/index.js';

export interface PipelineWorkerOptions {
  readonly config: Config;
  readonly redisUrl: string;
  readonly concurrency: number;
  readonly lockDurationMs?: number;
  /** Test seam: tighter fetch limits (timeouts) for every crawl this worker runs. */
  readonly policyOverrides?: Partial<FetchPolicy>;
  /** Reuse a classifier or store the caller already has (one per process is enough). */
  readonly classifier?: Classifier;
  readonly store?: Store;
  /** How often the lexicon overlay in force is checked for a new version (default 5 s). */
  readonly overlayCheckMs?: number;
  /**
   * Listing writes on a thread of their own (store-thread.ts). Default: on when the worker opens its own
   * store; a store passed in (the server's, a test's) is written where it is.
   */
  readonly storeThread?: boolean;
  /** Where the worker says what stops part of its work (default: stderr). */
  readonly warn?: (message: string) => void;
}

export interface PipelineWorker {
  readonly worker: Worker;
  readonly deps: CrawlDeps;
  /** Finishes the jobs in hand (or, with force, hands them back to the queue) and releases everything. */
  close(force?: boolean): Promise<void>;
}

export async function startPipelineWorker(o: PipelineWorkerOptions): Promise<PipelineWorker> {
  // Auto-pipelined: a batch's pages call the host gate and the frontier together (connection.ts).
  const redis = connectRedis(o.redisUrl, { autoPipelining: true });
  const queue = new WorkQueue(redis, o.config.queuePrefix);
  const keys = redisKeys(o.config.queuePrefix);
  const store = o.store ?? (await openStore(o.config));
  const warn = o.warn ?? ((m: string) => process.stderr.write(`faceleak worker: ${m}\n`));
  const browser = new BrowserPool({
    chromiumPath: o.config.chromiumPath,
    networkIsolation: o.config.chromiumNetworkIsolation,
    onUnavailable: (error) =>
      warn(`${error.message}. This worker renders no pages from now on: pages that need a browser fail with this reason; static pages go on.`),
  });
  // Set once the queue's worker exists: a store that cannot be opened stops this worker taking jobs,
  // which stay in the queue for a worker that can write them rather than failing one after another.
  let takeNoMoreJobs = (): void => {};
  const storeThread =
    (o.storeThread ?? !o.store)
      ? new StoreThread({ databaseUrl: o.config.databaseUrl, dataDir: o.config.dataDir, snapshotDir: snapshotDirOf(o.config) }, (error) => {
          warn(`${error.message}. This worker takes no more jobs; they stay queued for a worker that can write them. Fix the store and restart it.`);
          takeNoMoreJobs();
        })
      : null;
  storeThread?.prestart();
  const deps: CrawlDeps = {
    queue,
    contexts: new CrawlContexts(queue, o.policyOverrides),
    robots: new Robots(redis, keys),
    learning: new RenderLearning(redis, keys),
    gate: new HostGate(redis, keys),
    browser,
    classifier: new LiveClassifier(o.classifier ?? Classifier.load(), store, o.overlayCheckMs, warn),
    store,
    snapshotDir: snapshotDirOf(o.config),
    ...(storeThread ? { writer: storeThread.write } : {}),
  };
  // Watched sites' visits (faceleak watch) run on every worker, with the same politeness and store.
  const revisitDeps = { ...deps, schedule: new RevisitSchedule(queue), policyOverrides: o.policyOverrides };
  // A crawl job is a batch of pages (or one): the queue runs the frontier's part, the pipeline each page.
  // The listings of a job's pages are marked in the frontier together, as the job ends (listing-marks.ts).
  const crawl = (job: Job<CrawlBatchJob | CrawlPageJob>) => {
    const marks = new ListingMarks();
    return runCrawlJob(queue, job, {
      work: async (page) => (await processPage(page, job, deps, marks)).links,
      maxPages: async (crawlId) => (await deps.contexts.get(crawlId)).maxPages,
      beforeDone: () => marks.flush(queue, job.data.crawlId),
    });
  };
  const { worker, close: closeWorker } = startWorkWorker(
    { redisUrl: o.redisUrl, prefix: o.config.queuePrefix, concurrency: o.concurrency, lockDurationMs: o.lockDurationMs },
    {
      'crawl-page': crawl,
      'crawl-batch': crawl,
      report: (job) => processReport(job, deps),
      discover: (job) => processDiscovery(job, deps),
      revisit: (job) => processRevisit(job, revisitDeps),
    },
  );
  worker.on('error', () => {}); // connection blips are retried by ioredis; job errors are recorded per job
  takeNoMoreJobs = () => void worker.pause(true).catch(() => {});
  return {
    worker,
    deps,
    async close(force = false) {
      await closeWorker(force);
      await storeThread?.close();
      deps.classifier.close();
      await browser.close();
      await queue.close();
      redis.disconnect();
      if (!o.store) await store.close();
    },
  };
}
