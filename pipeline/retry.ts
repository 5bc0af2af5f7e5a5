import type { Job } from 'bullmq';
import { FatalError, PermanentError } from '../contracts/index.js';

/**
 * Whether a job's failure is its last: a permanent or fatal error, or its last attempt. Then the failure is
 * recorded where people look (a crawl failure, a failed report); before that, the queue retries it.
 */
export const isFinalFailure = (error: unknown, job: Job): boolean =>
  error instanceof PermanentError || error instanceof FatalError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
