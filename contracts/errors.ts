/**
 * One error class per meaning, checked with `instanceof` wherever a decision hangs on it.
 * - UserError: something the user can fix (a bad setting, file or argument, a service that is not
 *   running). The command prints its message on one line and exits 2; no stack.
 * - RetryableError: try again later (5xx, timeouts, 429 with its Retry-After).
 * - PermanentError: final for this job (404, refused by robots or the SSRF policy, not HTML): it is
 *   recorded as failed at once and never retried.
 * - FatalError: this process cannot do this kind of work at all (no usable browser). It is said once,
 *   the job is recorded as failed rather than retried, and the process stops trying.
 */
export class UserError extends Error {
  override name = 'UserError';
}

export class RetryableError extends Error {
  override name = 'RetryableError';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export class PermanentError extends Error {
  override name = 'PermanentError';
}

export class FatalError extends Error {
  override name = 'FatalError';
}
