import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { connectRedis, runCrawlJob, WorkQueue, type CrawlBatchJob, type CrawlPage } from '../queue/index.js';
import { pageLine } from '../queue/crawl-batch.js';
import { startRedisCluster, type RedisClusterProcess } from './helpers/redis-cluster.js';
import { uniquePrefix } from './helpers/redis.js';

// Page i on host i mod 5 links to 3i+1 … 3i+3 below N: batches of many hosts, as a real crawl makes.
const N = 200;
const url = (i: number) => `https://h${i % 5}.example/p/${i}`;
const linksOf = (u: string): CrawlPage[] => {
  const i = Number(u.split('/').pop());
  return [3 * i + 1, 3 * i + 2, 3 * i + 3].filter((j) => j < N).map((j) => ({ url: url(j), role: 'listing', depth: 1 }));
};

describe('crawl jobs on a Redis Cluster', () => {
  let cluster: RedisClusterProcess | undefined;
  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('keep each crawl script on its crawl slot, replay a crashed reservation and fetch each page once', async () => {
    const redis = connectRedis(cluster!.url, { autoPipelining: true });
    const queue = new WorkQueue(redis, uniquePrefix('cluster-batch'));
    try {
      const fetched = new Map<string, number>();
      const work = async (page: { url: string }) => (fetched.set(page.url, (fetched.get(page.url) ?? 0) + 1), linksOf(page.url));
      await queue.enqueuePages('c', [{ url: url(0), role: 'start', depth: 0 }]);
      const [seed] = (await queue.queue.getJobs(['waiting'])) as Job<CrawlBatchJob>[];
      // An attempt that crashed after reserving the seed's links, before queuing them.
      const links = linksOf(url(0));
      await queue.frontier.reserve(
        'c',
        links.map((l) => l.url),
        0,
        { jobId: seed!.id!, pages: links.map(pageLine) },
      );
      for (let jobs = [seed!]; jobs.length > 0; jobs = (await queue.queue.getJobs(['waiting'])) as Job<CrawlBatchJob>[]) {
        for (const job of jobs) {
          await runCrawlJob(queue, job, { work, maxPages: async () => 0 });
          await job.remove();
        }
      }
      expect(fetched.size).toBe(N);
      expect([...fetched.values()].every((n) => n === 1)).toBe(true);
      expect(await queue.progress('c')).toEqual({ seen: N, done: N, failed: 0, listings: 0, flagged: 0 });
      expect(await queue.jobCounts('waiting', 'active', 'delayed', 'failed')).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    } finally {
      await queue.close();
      redis.disconnect();
    }
  }, 60_000);
});
