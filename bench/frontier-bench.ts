// npm run bench -- frontier [--urls N] [--fill N] [--baseline N] [--hosts N] [--workers N] [--concurrency N]
// Redis memory per URL and frontier throughput at scale, with no network: a fake fetcher over a synthetic
// web (frontier-urls.ts). Uses REDIS_URL (default the local Redis) under a prefix of its own, deleted after.
import { spawn, type ChildProcess } from 'node:child_process';
import { DEFAULT_REDIS_URL, packagePath } from '../config/index.js';
import { JOB_NAMES } from '../contracts/index.js';
import { connectRedis, PAGE_JOB_OPTIONS, pageJobId, WorkQueue } from '../queue/index.js';
import { Frontier } from '../queue/frontier.js';
import { deleteKeys, keysMemory, usedMemory } from './frontier-memory.js';
import { syntheticUrl } from './frontier-urls.js';

interface Options {
  /** URLs crawled through worker processes (default 1,000,000). */
  readonly urls: number;
  /** URLs written straight into a frontier, bookkeeping only, to show memory at 10M fast (default 10,000,000; 0: skip). */
  readonly fill: number;
  /** URLs through BullMQ alone (no frontier, no politeness): the queue's own ceiling on this machine (default 100,000; 0: skip). */
  readonly baseline: number;
  readonly hosts: number;
  readonly workers: number;
  readonly concurrency: number;
}

function options(argv: readonly string[]): Options {
  const flag = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return {
    urls: flag('urls', 1_000_000),
    fill: flag('fill', 10_000_000),
    baseline: flag('baseline', 100_000),
    hosts: flag('hosts', 100_000),
    workers: flag('workers', 2),
    concurrency: flag('concurrency', 64),
  };
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const perUrl = (bytes: number, urls: number) => `${(bytes / urls).toFixed(1)} B/URL`;
const millions = (n: number) => `${(n / 1e6).toFixed(n % 1e6 === 0 ? 0 : 2)}M`;
const checkpoints = (total: number) => [...new Set([...[1, 2, 3, 5, 10, 20].map((m) => m * 1e6).filter((c) => c < total), total])];

/**
 * Part 1: the frontier's bookkeeping alone, URLs reserved as a crawl reserves them, 4 calls of 1,000 in
 * flight. Marking a URL done rewrites its 1-byte state in place, so the size is that of a finished crawl.
 */
async function fill(redis: ReturnType<typeof connectRedis>, queue: WorkQueue, prefix: string, o: Options): Promise<void> {
  const frontier = new Frontier(redis, queue.keys);
  const crawlId = 'fill';
  const pattern = `${prefix}:crawl:{${crawlId}}:*`;
  const base = await usedMemory(redis);
  say(`\nbookkeeping alone: ${millions(o.fill)} URLs reserved, 1,000 per call`);
  const started = performance.now();
  let next = 0;
  for (const at of checkpoints(o.fill)) {
    while (next < at) {
      const calls = [];
      for (let c = 0; c < 4 && next < at; c++, next += 1000) {
        const from = next;
        calls.push(
          frontier.reserve(
            crawlId,
            Array.from({ length: Math.min(1000, at - from) }, (_, j) => syntheticUrl(from + j, o)),
          ),
        );
      }
      await Promise.all(calls);
    }
    const { bytes, keys } = await keysMemory(redis, pattern);
    const p = await frontier.progress(crawlId);
    say(
      `  ${millions(at)}: frontier keys ${perUrl(bytes, p.seen)} (MEMORY USAGE, ${keys} keys); INFO used_memory +${perUrl((await usedMemory(redis)) - base, p.seen)};` +
        ` ${Math.round(at / ((performance.now() - started) / 1000))} URLs/s written`,
    );
  }
  await deleteKeys(redis, pattern);
}

type Mode = 'full' | 'queue-only';

function startWorkers(redisUrl: string, prefix: string, crawlId: string, lanes: number, o: Options & { mode: Mode }): ChildProcess[] {
  const env = { REDIS_URL: redisUrl, PREFIX: prefix, CRAWL_ID: crawlId, URLS: o.urls, HOSTS: o.hosts, LANES: lanes, CONCURRENCY: o.concurrency, MODE: o.mode };
  const vars = Object.fromEntries(Object.entries(env).map(([k, v]) => [`FRONTIER_${k}`, String(v)]));
  return Array.from({ length: o.workers }, () =>
    spawn(process.execPath, ['--import', 'tsx', packagePath('bench', 'frontier-worker.ts')], { env: { ...process.env, ...vars }, stdio: 'inherit' }),
  );
}

/**
 * Part 2: a crawl of the synthetic web through BullMQ, the politeness gate and the frontier, in worker
 * processes. In `queue-only` mode (part 3, the baseline) each job only queues its successor by job id.
 */
async function crawl(redisUrl: string, redis: ReturnType<typeof connectRedis>, queue: WorkQueue, prefix: string, o: Options & { mode: Mode }): Promise<void> {
  const crawlId = o.mode;
  const lanes = o.workers * o.concurrency * 4;
  const what =
    o.mode === 'full' ? 'politeness on, each page 1 new link + 4 known ones' : 'BullMQ alone: no frontier, no politeness, each page queues its successor';
  say(
    `\nthrough ${o.workers} worker processes × ${o.concurrency} jobs, ${what}: ${millions(o.urls)} URLs on ${o.hosts.toLocaleString('en')} hosts, ${lanes} crawl lanes`,
  );
  const base = await usedMemory(redis);
  const seeds = Array.from({ length: Math.min(lanes, o.urls) }, (_, i) => ({ url: syntheticUrl(i, o), role: 'listing' as const, depth: 0 }));
  // The crawl is seeded as a crawl is (batches of pages); the baseline with one job per page, as it runs.
  if (o.mode === 'full') await queue.enqueuePages(crawlId, seeds);
  else
    await queue.queue.addBulk(
      seeds.map((p) => ({
        name: JOB_NAMES['crawl-page'],
        data: { kind: 'crawl-page', crawlId, ...p },
        opts: { ...PAGE_JOB_OPTIONS, jobId: pageJobId(crawlId, p.url) },
      })),
    );
  const workers = startWorkers(redisUrl, prefix, crawlId, lanes, o);
  const started = performance.now();
  let last = { t: started, seen: 0, done: 0 };
  try {
    for (const at of checkpoints(o.urls)) {
      let p = await queue.progress(crawlId);
      while (p.done < at) {
        if (workers.some((w) => w.exitCode !== null)) throw new Error('a frontier worker process exited');
        await new Promise((r) => setTimeout(r, 500));
        p = await queue.progress(crawlId);
      }
      const t = performance.now();
      const seconds = (t - last.t) / 1000;
      // Queue-only jobs skip the frontier's reservation, so there every page done was one enqueued.
      const enq = o.mode === 'full' ? (p.seen - last.seen) / seconds : (p.done - last.done) / seconds;
      const deq = (p.done - last.done) / seconds;
      const rates = `enqueue ${Math.round(enq)}/s, dequeue ${Math.round(deq)}/s, enqueue+dequeue ${Math.round((enq + deq) / o.workers)}/s per worker process`;
      const { bytes } = o.mode === 'full' ? await keysMemory(redis, `${prefix}:crawl:{${crawlId}}:*`) : { bytes: 0 };
      const memory = `frontier ${perUrl(bytes, p.seen)}, INFO used_memory +${perUrl((await usedMemory(redis)) - base, p.seen)} (queued jobs and host state included)`;
      say(`  ${millions(at)} done: ${rates}${o.mode === 'full' ? `; ${memory}` : ''}`);
      last = { t: performance.now(), seen: p.seen, done: p.done };
    }
    const total = (performance.now() - started) / 1000;
    const p = await queue.progress(crawlId);
    say(`  whole run: ${p.done} pages in ${total.toFixed(0)} s, ${Math.round((2 * p.done) / total / o.workers)} enqueue+dequeue/s per worker process`);
    say(`  left in the queue after the drain: ${JSON.stringify(await queue.jobCounts('waiting', 'active', 'completed', 'failed'))}`);
  } finally {
    await Promise.all(workers.map((w) => (w.exitCode !== null ? null : new Promise((r) => (w.once('exit', r), w.kill('SIGTERM'))))));
  }
}

export async function benchFrontier(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const o = options(argv);
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const prefix = `bench-frontier-${Date.now()}`;
  const redis = connectRedis(redisUrl);
  const queue = new WorkQueue(redis, prefix);
  say(`Redis ${redisUrl}, key prefix ${prefix} (deleted after). INFO used_memory figures count the whole Redis: read them on a Redis of the bench's own.`);
  try {
    if (o.fill > 0) await fill(redis, queue, prefix, o);
    if (o.urls > 0) await crawl(redisUrl, redis, queue, prefix, { ...o, mode: 'full' });
    if (o.baseline > 0) await crawl(redisUrl, redis, queue, prefix, { ...o, urls: o.baseline, mode: 'queue-only' });
  } finally {
    await deleteKeys(redis, `${prefix}:*`);
    await queue.close();
    redis.disconnect();
  }
}
