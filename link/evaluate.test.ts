import { describe, expect, it } from 'vitest';
import { pairwiseFigures } from './evaluate.js';
import type { SellerCluster } from './types.js';

const cluster = (ids: string[]): SellerCluster => ({ cluster: ids.join(''), listingIds: ids, handles: [], sites: [], reasons: [] });

describe('pairwiseFigures', () => {
  it('counts pairs in one predicted cluster against pairs of one truth seller', () => {
    const truth = new Map([
      ['a', 's1'],
      ['b', 's1'],
      ['c', 's1'],
      ['d', 's2'],
      ['e', 's3'],
    ]);
    // predicted {a,b} {c,d} {e}: 2 predicted pairs, 1 right; 3 true pairs.
    const f = pairwiseFigures([cluster(['a', 'b']), cluster(['c', 'd']), cluster(['e'])], truth);
    expect([f.correctPairs, f.predictedPairs, f.truePairs]).toEqual([1, 2, 3]);
    expect(f.precision).toBeCloseTo(0.5);
    expect(f.recall).toBeCloseTo(1 / 3);
    expect(f.f1).toBeCloseTo(0.4);
    expect(f.merges.map((m) => m.truths)).toEqual([['s1', 's2']]);
  });
});
