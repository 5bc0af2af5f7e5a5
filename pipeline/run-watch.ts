import type { Config } from '../config/index.js';
import type { SiteConfig } from '../contracts/index.js';
import { connectRedis, WorkQueue } from '../queue/index.js';
import { startPipelineWorker, type PipelineWorkerOptions } from './pipeline-worker.js';
import { RevisitSchedule, watchIdOf, type RevisitCounter } from './revisit-schedule.js';

export type WatchStats = Partial<Record<RevisitCounter, number>>;

export interface RunWatchOptions {
  readonly config: Config;
  readonly redisUrl: string;
  readonly site: SiteConfig;
  readonly concurrency?: number;
  /** Only put the site under watch; `faceleak worker` processes do the visits. */
  readonly enqueueOnly?: boolean;
  /** Ends the watching here (the watch itself stays on in Redis for other workers and the next start). */
  readonly signal?: AbortSignal;
  readonly onStats?: (stats: WatchStats & { elapsedMs: number }) => void;
  readonly statsEveryMs?: number;
  readonly worker?: Partial<PipelineWorkerOptions>;
}

/**
 * Puts a site under watch (its schedule lives in Redis: see revisit-schedule.ts) and, unless
 * enqueueOnly, works the queue in this process until the signal, reporting the watch's counters.
 * Stopping this process does not stop the watch: the next `faceleak watch` or any worker picks it up
 * where the schedule stands. `stopWatch` ends it.
 */
export async function runWatch(o: RunWatchOptions): Promise<{ watchId: string; stats: WatchStats }> {
  const started = Date.now();
  const redis = connectRedis(o.redisUrl);
  const queue = new WorkQueue(redis, o.config.queuePrefix);
  const schedule = new RevisitSchedule(queue);
  try {
    const watchId = await schedule.start(o.site);
    if (o.enqueueOnly) return { watchId, stats: await schedule.stats(watchId) };
    const worker = await startPipelineWorker({ config: o.config, redisUrl: o.redisUrl, concurrency: o.concurrency ?? 4, ...o.worker });
    try {
      while (!o.signal?.aborted) {
        await pause(o.statsEveryMs ?? 5000, o.signal);
        o.onStats?.({ ...(await schedule.stats(watchId)), elapsedMs: Date.now() - started });
      }
    } finally {
      await worker.close();
    }
    return { watchId, stats: await schedule.stats(watchId) };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** Ends a site's watch everywhere: index polls stop, pending visits are dropped. False if it was not watched. */
export async function stopWatch(config: Config, redisUrl: string, siteName: string): Promise<boolean> {
  const redis = connectRedis(redisUrl);
  const queue = new WorkQueue(redis, config.queuePrefix);
  try {
    return await new RevisitSchedule(queue).stop(siteName);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

export { watchIdOf };

/** Waits `ms`, or less when the signal aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
