import { describe, expect, it } from 'vitest';
import { BUCKET_BITS, urlFingerprint } from './fingerprint.js';

describe('urlFingerprint', () => {
  it('gives the same URL the same bucket and field, and a 6-byte field', () => {
    const a = urlFingerprint('https://market.example.com/item/1');
    expect(urlFingerprint('https://market.example.com/item/1')).toEqual(a);
    expect(a.field).toHaveLength(6);
    expect(a.bucket).toBeGreaterThanOrEqual(0);
    expect(a.bucket).toBeLessThan(2 ** BUCKET_BITS);
  });

  it('spreads URLs evenly enough over the buckets that none outgrows a listpack at 10 million URLs', () => {
    // 100,000 URLs over 2^17 buckets: under 1 each; a skewed hash would pile them up.
    const counts = new Map<number, number>();
    for (let i = 0; i < 100_000; i++) {
      const { bucket } = urlFingerprint(`https://h${i % 1000}.example.com/p/${i}`);
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeLessThan(12);
    // As many buckets in use as a uniform hash would fill: B·(1 − e^(−n/B)).
    const uniform = 2 ** BUCKET_BITS * (1 - Math.exp(-100_000 / 2 ** BUCKET_BITS));
    expect(counts.size).toBeGreaterThan(0.98 * uniform);
  });
});
