import { describe, expect, it } from 'vitest';
import { isThin, RANK, thinned } from './rank.js';

const evidence = { contrast: 2, offerShare: 0.5, score: 5 };

describe('thin support', () => {
  it('is one flagged or review listing and at most one more offer-like listing', () => {
    // A notice in the review band and one benign listing with an offer's shape: the usual noise.
    expect(isThin({ listings: 2, flagged: 0, review: 1 })).toBe(true);
    expect(isThin({ listings: 2, flagged: 1, review: 0 })).toBe(true);
    expect(isThin({ listings: 2, flagged: 1, review: 1 })).toBe(false);
    // Unknown jargon is mostly not flagged: many offer-like listings are support enough.
    expect(isThin({ listings: 4, flagged: 1, review: 0 })).toBe(false);
  });

  it('takes RANK.thinReach off a term only when all its spellings together are thin', () => {
    expect(thinned(evidence, [{ listings: 2, flagged: 0, review: 1 }]).score).toBe(5 - RANK.thinReach);
    // full closet and full closets, counted apart: two flagged listings between them.
    const spellings = [
      { listings: 2, flagged: 1, review: 0 },
      { listings: 1, flagged: 1, review: 0 },
    ];
    expect(thinned(evidence, spellings)).toBe(evidence);
  });
});
