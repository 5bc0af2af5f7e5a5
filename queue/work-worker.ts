import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { FatalError, PermanentError, WorkJobSchema, type WorkJob } from '../contracts/index.js';
import { connectRedis, isCluster } from './connection.js';
import { CrawlBatchJobSchema, type CrawlBatchJob } from './crawl-batch.js';
import { bullPrefix, CRAWL_BATCH_JOB, QUEUES } from './names.js';

/** A job on the work queue: one of contracts' kinds, or a batch of crawl pages (the queue's own packing). */
export type QueueJob = WorkJob | CrawlBatchJob;
export type WorkHandler = (job: Job<QueueJob>) => Promise<unknown>;
export type WorkHandlers = { [K in QueueJob['kind']]: (job: Job<Extract<QueueJob, { kind: K }>>) => Promise<unknown> };

export interface WorkWorkerOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly concurrency: number;
  /** How long a job's lock lasts without renewal; a killed worker's jobs come back after it. Default 30 s. */
  readonly lockDurationMs?: number;
}

/** Retry delay: the server's Retry-After when it gave one, else 1 s · 2^(n-1), each ±50% so workers don't retry in step. */
export function retryDelay(attemptsMade: number, error: Error | undefined, random = Math.random): number {
  const after = (error as { retryAfterMs?: number } | undefined)?.retryAfterMs;
  const base = after ?? 1000 * 2 ** Math.max(0, attemptsMade - 1);
  return Math.round(base * (after !== undefined ? 1 + random() * 0.2 : 0.5 + random()));
}

/**
 * A worker on the one work queue. Payloads are checked before any work: a malformed job fails at
 * once, named, and is never retried.
 */
export interface WorkWorker {
  readonly worker: Worker;
  /** Stops taking jobs, finishes those in hand (or hands them back with force), and closes the connection. */
  close(force?: boolean): Promise<void>;
}

export function startWorkWorker(options: WorkWorkerOptions, handlers: WorkHandlers): WorkWorker {
  const lockDuration = options.lockDurationMs ?? 30_000;
  // BullMQ leaves a connection it was given open on close; this one is ours to close.
  const connection = connectRedis(options.redisUrl);
  const worker = new Worker(
    QUEUES.work,
    async (job: Job) => {
      const parsed = (job.name === CRAWL_BATCH_JOB ? CrawlBatchJobSchema : WorkJobSchema).safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(`invalid job payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const handler = handlers[parsed.data.kind] as WorkHandler;
      try {
        return await handler(job as Job<QueueJob>);
      } catch (error) {
        // Final failures leave the job failed at once, with their reason, instead of being retried.
        if (error instanceof PermanentError || error instanceof FatalError) throw new UnrecoverableError(`${error.name}: ${error.message}`);
        throw error;
      }
    },
    {
      connection,
      prefix: bullPrefix(options.prefix, isCluster(connection)),
      concurrency: options.concurrency,
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      maxStalledCount: 3,
      settings: { backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) => retryDelay(attemptsMade, err) },
    },
  );
  return {
    worker,
    async close(force = false) {
      await worker.close(force);
      connection.disconnect();
    },
  };
}
