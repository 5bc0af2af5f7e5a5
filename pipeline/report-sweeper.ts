import type { Redis } from 'ioredis';
import type { WorkQueue } from '../queue/index.js';
import { queuedReportIds, type Store } from '../store/index.js';

export interface ReportSweeperOptions {
  /** How often waiting reports are checked. Default 60 s. */
  readonly everyMs?: number;
  /** A report still queued or processing this long after its last change is queued again. Default 2 min. */
  readonly staleAfterMs?: number;
  readonly warn?: (message: string) => void;
}

export interface ReportSweeper {
  /** Queues again the reports waiting longer than `staleAfterMs` (all of them with 0); resolves to how many. */
  sweep(staleAfterMs?: number): Promise<number>;
  close(): void;
}

/**
 * Keeps accepted reports moving when Redis loses their jobs. The database is the record of what was
 * accepted; Redis (often run without persistence) only carries the work. After Redis comes back,
 * and every `everyMs`, reports the database still has as queued or processing are queued again.
 * Job ids are the report's, so a job Redis still holds is not added twice, and processing a report
 * twice lands on the same listing and verdict.
 */
export function startReportSweeper(store: Store, queue: WorkQueue, redis: Redis, options: ReportSweeperOptions = {}): ReportSweeper {
  const staleAfterMs = options.staleAfterMs ?? 120_000;
  let running: Promise<number> | null = null;
  const sweep = (olderThanMs = staleAfterMs): Promise<number> => {
    // One sweep at a time: a reconnect during a periodic sweep waits for it instead of doubling the work.
    running ??= (async () => {
      try {
        const ids = await queuedReportIds(store, { notUpdatedSince: new Date(Date.now() - olderThanMs) });
        for (const id of ids) await queue.enqueueReport(id);
        return ids.length;
      } catch (error) {
        options.warn?.(`re-queuing waiting reports failed (${(error as Error).message}); tried again in the next sweep`);
        return 0;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  // 'ready' fires on the first connection too; only a return after an outage needs the full sweep.
  let wasDown = false;
  const onDown = () => (wasDown = true);
  const onReady = () => {
    if (!wasDown) return;
    wasDown = false;
    void sweep(0);
  };
  redis.on('close', onDown);
  redis.on('ready', onReady);
  const timer = setInterval(() => void sweep(), options.everyMs ?? 60_000);
  timer.unref();
  return {
    sweep,
    close() {
      clearInterval(timer);
      redis.off('close', onDown);
      redis.off('ready', onReady);
    },
  };
}

/** Whether Redis keeps anything on disk (RDB snapshots or an append-only file); null when it will not say. */
export async function redisPersists(redis: Redis): Promise<boolean | null> {
  try {
    const save = (await redis.config('GET', 'save')) as string[];
    const aof = (await redis.config('GET', 'appendonly')) as string[];
    return (save[1] ?? '') !== '' || aof[1] === 'yes';
  } catch {
    return null; // CONFIG is often disabled on managed Redis: nothing to warn about that we can see
  }
}
