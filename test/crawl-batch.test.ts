import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CrawlPageJob } from '../contracts/index.js';
import { bullPrefix, runCrawlJob, WorkQueue, type CrawlBatchJob, type CrawlPage, type PageWork } from '../queue/index.js';
import { PER_HOST, pageLine } from '../queue/crawl-batch.js';
import { deletePrefix, testRedis, uniquePrefix } from './helpers/redis.js';

// A small web: page i on host i mod 3 links to 2i+1 and 2i+2 (new, below N) and back to page 0 (known).
const N = 100;
const url = (i: number) => `https://h${i % 3}.example/p/${i}`;
const idOf = (u: string) => Number(u.split('/').pop());
const linksOf = (u: string): CrawlPage[] => [2 * idOf(u) + 1, 2 * idOf(u) + 2, 0].filter((i) => i < N).map((i) => ({ url: url(i), role: 'listing', depth: 1 }));

describe('crawl jobs carrying batches of pages', () => {
  let redis: Redis;
  let queue: WorkQueue;
  let prefix: string;
  const fetched = new Map<string, number>();
  const fetch: PageWork = async (page) => {
    fetched.set(page.url, (fetched.get(page.url) ?? 0) + 1);
    return linksOf(page.url);
  };
  const run = (job: Job<CrawlBatchJob | CrawlPageJob>, work = fetch) => runCrawlJob(queue, job, { work, maxPages: async () => 0 });
  const waiting = () => queue.queue.getJobs(['waiting']) as Promise<Job<CrawlBatchJob>[]>;

  /** Works every queued job as a worker would, a finished job removed as BullMQ removes it. */
  async function drain(work = fetch): Promise<void> {
    for (let jobs = await waiting(); jobs.length > 0; jobs = await waiting()) {
      for (const job of jobs) {
        await run(job, work);
        await job.remove();
      }
    }
  }

  beforeEach(async () => {
    redis = testRedis();
    prefix = uniquePrefix('batch');
    queue = new WorkQueue(redis, prefix);
    fetched.clear();
    await queue.enqueuePages('c', [{ url: url(0), role: 'start', depth: 0 }]);
  });

  afterEach(async () => {
    await queue.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('fetches each page once, counts exactly and leaves nothing of the crawl but fingerprints and counters', async () => {
    await drain();
    expect(fetched.size).toBe(N);
    expect([...fetched.values()].every((n) => n === 1)).toBe(true);
    expect(await queue.progress('c')).toEqual({ seen: N, done: N, failed: 0, listings: 0, flagged: 0 });
    // Pages travel several to a job: 100 pages took far fewer than 100 jobs.
    const crawlKeys = await redis.keys(`${prefix}:crawl:*`);
    expect(
      crawlKeys.every((k) => /:crawl:\{c\}:(fp:\d+|counts)$/.test(k)),
      crawlKeys.join(' '),
    ).toBe(true);
    expect(await queue.jobCounts('waiting', 'active', 'delayed', 'failed')).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  });

  it('queues, when retried, the pages an attempt reserved before it crashed', async () => {
    const [seed] = await waiting();
    // What an attempt that crashed between reserving its links and queuing them leaves in Redis.
    const links = linksOf(url(0));
    await queue.frontier.reserve(
      'c',
      links.map((l) => l.url),
      0,
      { jobId: seed!.id!, pages: links.map(pageLine) },
    );
    await drain();
    expect(fetched.size).toBe(N);
    expect(await queue.progress('c')).toMatchObject({ seen: N, done: N });
    expect(await redis.keys(`${prefix}:crawl:{c}:log:*`)).toEqual([]);
  });

  it('fetches nothing again when a finished batch is queued again', async () => {
    await drain();
    await queue.addPages(
      'c',
      [url(5), url(6)].map((u) => ({ url: u, role: 'listing', depth: 1 })),
    );
    await drain();
    expect([...fetched.values()].every((n) => n === 1)).toBe(true);
    expect(await queue.progress('c')).toMatchObject({ seen: N, done: N });
  });

  it('retries only the page that failed, and counts it once', async () => {
    let failures = 1;
    const flaky: PageWork = async (page) => {
      if (page.url === url(1) && failures-- > 0) throw new Error('connection reset');
      return fetch(page);
    };
    const [seed] = await waiting();
    await run(seed!, flaky);
    await seed!.remove();
    const [batch] = await waiting();
    await expect(run(batch!, flaky)).rejects.toThrow('connection reset');
    await run(batch!, flaky); // the retry
    await batch!.remove();
    await drain();
    expect(fetched.get(url(1))).toBe(1);
    expect([...fetched.values()].every((n) => n === 1)).toBe(true);
    expect(await queue.progress('c')).toMatchObject({ seen: N, done: N, failed: 0 });
  });

  it('fetches at most PER_HOST pages of one host at once within a batch', async () => {
    await queue.addPages(
      'c',
      Array.from({ length: 12 }, (_, i) => ({ url: `https://one.example/p/${i}`, role: 'listing', depth: 1 })),
    );
    const inFlight = new Map<string, number>();
    let peak = 0;
    const slow: PageWork = async (page) => {
      const host = new URL(page.url).host;
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      peak = Math.max(peak, inFlight.get(host)!);
      await new Promise((r) => setTimeout(r, 5));
      inFlight.set(host, inFlight.get(host)! - 1);
      return [];
    };
    for (const job of await waiting()) if (job.data.kind === 'crawl-batch' && job.data.pages.length === 12) await run(job, slow);
    expect(peak).toBe(PER_HOST);
  });

  it('hands a worker the next index page before the listings already waiting', async () => {
    // A paged search is a chain: each index page's job queues the next. Taken in turn behind the listing
    // batches queued before it, the chain paced the crawl (about 5 index pages a second on the demo).
    for (const job of await waiting()) await job.remove();
    const listings = (from: number) =>
      Array.from({ length: 40 }, (_, i) => ({ url: `https://one.example/item/${from + i}`, role: 'listing' as const, depth: 1 }));
    await queue.addPages('c', listings(0));
    await queue.addPages('c', [...listings(100), { url: 'https://one.example/s?page=2', role: 'index', depth: 1 }]);
    const taken: string[] = [];
    const connection = redis.duplicate();
    const worker = new Worker(
      queue.queue.name,
      async (job: Job<CrawlBatchJob>) => {
        taken.push(job.data.pages[0]!.role);
      },
      { connection, prefix: bullPrefix(prefix, false), concurrency: 1 },
    );
    try {
      await expect.poll(() => taken.length, { timeout: 5000 }).toBe(5);
    } finally {
      await worker.close();
      connection.disconnect();
    }
    // Two batches of the first 40 listings and two of the next 40 were waiting or queued with it.
    expect(taken).toEqual(['index', 'listing', 'listing', 'listing', 'listing']);
  });
});
