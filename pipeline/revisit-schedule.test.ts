import { describe, expect, it } from 'vitest';
import { fingerprint, nextDue, watchKeys } from './revisit-schedule.js';

describe('nextDue', () => {
  it('is one interval after the visit that was due, when the visit ran on time', () => {
    expect(nextDue(10_000, 2000, 10_050)).toBe(12_000);
  });

  it('is the same for a retried visit, so the retry queues the same next visit', () => {
    expect(nextDue(10_000, 2000, 10_050)).toBe(nextDue(10_000, 2000, 11_900));
  });

  it("skips the intervals a stopped watch missed: one catch-up visit, on the listing's own rhythm", () => {
    expect(nextDue(10_000, 2000, 17_500)).toBe(18_000);
  });
});

describe('the keys of a watch', () => {
  it('share one hash tag, so a MULTI over them stays on one Redis Cluster slot', () => {
    const tags = Object.values(watchKeys('p', 'watch-m')).map((k) => /\{([^}]*)\}/.exec(k)![1]);
    expect(new Set(tags)).toEqual(new Set(['watch-m']));
  });

  it('keep 64-bit fingerprints of URLs, not the URLs', () => {
    expect(fingerprint('https://m.example/item/1')).toMatch(/^[0-9a-f]{16}$/);
  });
});
