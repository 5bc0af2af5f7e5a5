import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, pollDelay, probeDelay, SEND_BACKOFF } from './backoff.js';

describe('backoff', () => {
  it('doubles from 2 s with half of each delay random, up to 10 minutes', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(50, () => 1)).toBe(SEND_BACKOFF.maxMs);
    expect(backoffDelay(50, () => 0)).toBe(SEND_BACKOFF.maxMs / 2);
  });

  it('polls fast first, then once a minute', () => {
    expect([0, 1, 2, 3, 10].map((n) => pollDelay(n))).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });

  it('reads Retry-After as seconds or as a date, within bounds', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('0', now)).toBe(1000);
    expect(parseRetryAfter('86400', now)).toBe(3600_000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('probing a silent server', () => {
  it('probes every 2–3 s for the first 5 minutes, then less often', () => {
    expect([0, 60_000, 299_000].map((ms) => probeDelay(ms, () => 0))).toEqual([2000, 2000, 2000]);
    expect(probeDelay(0, () => 1)).toBe(3000);
    expect(probeDelay(10 * 60_000, () => 0)).toBe(10_000);
    expect(probeDelay(2 * 3600_000, () => 1)).toBe(90_000);
  });
});
