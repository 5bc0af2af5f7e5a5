import { UnrecoverableError } from 'bullmq';

/**
 * Errors named for what the retry logic does with them.
 * - RetryableError: try again later (5xx, timeouts, 429 with its Retry-After).
 * - PermanentError: never retry this URL (404, refused by robots or SSRF policy, not HTML); it is
 *   BullMQ's UnrecoverableError, so the job fails at once and is kept with its reason.
 * - FatalError: the worker itself cannot go on (no browser, bad config); it stops and says why.
 */
export class RetryableError extends Error {
  override name = 'RetryableError';
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
  }
}

export class PermanentError extends UnrecoverableError {
  override name = 'PermanentError';
}

export class FatalError extends Error {
  override name = 'FatalError';
}
