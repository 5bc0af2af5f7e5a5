/**
 * When to try again. Sends back off exponentially with jitter, so many moderators' browsers coming
 * back online do not all hit a recovering server at the same second; status polls start fast (a
 * verdict usually takes a second or two) and slow down to a steady pace.
 */

export interface BackoffPolicy {
  /** Delay of the first retry, before jitter. */
  readonly baseMs: number;
  /** Ceiling of any delay. */
  readonly maxMs: number;
}

/** Sends: 2 s, 4 s, 8 s … up to 10 minutes. */
export const SEND_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 10 * 60_000 };
/** Polls of a report's status: 1 s, 2 s, 4 s … up to 1 minute. */
export const POLL_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };
/** Retry-After is honoured within these bounds (a server asking for a day would stall the outbox). */
const RETRY_AFTER_BOUNDS = { minMs: 1_000, maxMs: 60 * 60_000 };

/**
 * Delay before try number `attempt + 1`, after `attempt` failures (attempt ≥ 1): "equal jitter", half
 * the exponential ceiling fixed and half random, so the wait never collapses to nothing.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = SEND_BACKOFF): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempt, 1) - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Delay before poll number `polls + 1` (no jitter: polls are cheap and spread by their start times). */
export function pollDelay(polls: number, policy: BackoffPolicy = POLL_BACKOFF): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(polls, 30));
}

/**
 * How long to wait before probing a silent server again, by how long it has been silent. Sends back
 * off towards 10 minutes, so without probes a report made during an outage would wait up to that long
 * after the server is back; a probe is one tiny GET /healthz, and while nothing answers at the address
 * it costs the server nothing. Every 2–3 s during the first 5 minutes (the target: a report goes
 * within a few seconds of the server's return), every 10–15 s until 30 minutes, then every 60–90 s,
 * so a laptop left offline does not keep its worker busy. Jittered so browsers spread out.
 */
export function probeDelay(silentForMs: number, random: () => number): number {
  const base = silentForMs < 5 * 60_000 ? 2_000 : silentForMs < 30 * 60_000 ? 10_000 : 60_000;
  return Math.round(base + (random() * base) / 2);
}

/** Milliseconds a Retry-After header asks for (delta-seconds or an HTTP date), bounded; null if absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(RETRY_AFTER_BOUNDS.maxMs, Math.max(RETRY_AFTER_BOUNDS.minMs, seconds));
}
