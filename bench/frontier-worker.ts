// One worker process of `npm run bench -- frontier`: works the bench's crawl through the real queue,
// politeness gate and frontier, with a fake fetcher. Settings come in FRONTIER_* variables.
import type { Job } from 'bullmq';
import { JOB_NAMES, type CrawlPageJob } from '../contracts/index.js';
import { HostGate } from '../crawler/index.js';
import { connectRedis, PAGE_JOB_OPTIONS, pageJobId, runCrawlJob, startWorkWorker, WorkQueue, type CrawlBatchJob, type WorkHandlers } from '../queue/index.js';
import { syntheticId, syntheticLinks } from './frontier-urls.js';

const env = (name: string) => process.env[`FRONTIER_${name}`]!;
const [redisUrl, prefix, crawlId] = [env('REDIS_URL'), env('PREFIX'), env('CRAWL_ID')];
const shape = { urls: Number(env('URLS')), hosts: Number(env('HOSTS')), lanes: Number(env('LANES')) };
// Politeness on: every fetch takes a slot from its host's token bucket and lease set in Redis.
const LIMITS = { requestsPerSecond: 100, maxConcurrency: 2 };

const redis = connectRedis(redisUrl, { autoPipelining: true });
const queue = new WorkQueue(redis, prefix);
const gate = new HostGate(redis, queue.keys);

/** A crawl job (a batch of pages) through the real frontier steps; each page takes its host's gate. */
async function crawlJob(job: Job<CrawlBatchJob | CrawlPageJob>): Promise<void> {
  if (env('MODE') === 'queue-only') return queueOnly(job as Job<CrawlPageJob>);
  await runCrawlJob(queue, job, {
    async work({ url, depth }) {
      const lease = await gate.acquire(new URL(url).hostname, LIMITS);
      try {
        // The fake fetch: no network, the links a page would hold.
        return syntheticLinks(url, shape).map((u) => ({ url: u, role: 'listing' as const, depth: depth + 1 }));
      } finally {
        await gate.release(lease);
      }
    },
    maxPages: async () => 0,
  });
}

/** The baseline: BullMQ alone (the successor queued by job id, no frontier, no politeness). */
async function queueOnly(job: Job<CrawlPageJob>): Promise<void> {
  const [next] = syntheticLinks(job.data.url, shape);
  if (next && syntheticId(next) > syntheticId(job.data.url)) {
    const data = { ...job.data, url: next, depth: job.data.depth + 1 };
    await queue.queue.add(JOB_NAMES['crawl-page'], data, { ...PAGE_JOB_OPTIONS, jobId: pageJobId(crawlId, next) });
  }
  await queue.markDone(crawlId, job.data.url);
}

// Only crawl pages are ever queued under the bench's prefix; the other kinds need no handler.
const handlers = { 'crawl-page': crawlJob, 'crawl-batch': crawlJob } as unknown as WorkHandlers;
const worker = startWorkWorker({ redisUrl, prefix, concurrency: Number(env('CONCURRENCY')) }, handlers);
worker.worker.on('error', () => {});
process.on('SIGTERM', () => {
  void worker.close(true).then(async () => {
    await queue.close();
    redis.disconnect();
    process.exit(0);
  });
});
