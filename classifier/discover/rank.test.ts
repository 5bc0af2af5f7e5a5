import { describe, expect, it } from 'vitest';
import { isolated, isThin, offTitle, RANK, respelled, thinned, unitEvidence, unreached } from './rank.js';
import { Tally, TallyBook } from './tally.js';

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

describe('shape penalties', () => {
  const book = Object.assign(new TallyBook(), { positiveMass: 10, negativeMass: 100, listings: 110, benignListings: 100 });
  const tally = (key: string, kind: 'han' | 'latin', aligned: number) =>
    Object.assign(new Tally(key, kind), { listings: 3, weight: 3, flagged: 3, bounded: 3, aligned });

  it('takes RANK.notAName off a unit that is not a name', () => {
    const t = tally('看样', 'han', 3);
    expect(unitEvidence(t, book, 0, true).score - unitEvidence(t, book, 0, false).score).toBeCloseTo(RANK.notAName);
  });

  it('takes RANK.straddles off a Chinese unit jieba never cut at both ends, not a Latin one', () => {
    expect(unitEvidence(tally('生款', 'han', 3), book).score - unitEvidence(tally('生款', 'han', 0), book).score).toBeCloseTo(RANK.straddles);
    expect(unitEvidence(tally('crate', 'latin', 0), book).score).toBe(unitEvidence(tally('crate', 'latin', 3), book).score);
  });
});

describe('a term the titles leave out', () => {
  it('loses RANK.offTitle in full when no title of its titled listings holds it', () => {
    expect(offTitle(evidence, [{ title: 0, titled: 3 }]).score).toBeCloseTo(5 - RANK.offTitle);
  });

  it('loses less the closer it comes to half of the titles, and nothing from half on', () => {
    expect(offTitle(evidence, [{ title: 1, titled: 4 }]).score).toBeCloseTo(5 - RANK.offTitle / 2);
    expect(offTitle(evidence, [{ title: 2, titled: 4 }])).toBe(evidence);
    expect(offTitle(evidence, [{ title: 5, titled: 5 }])).toBe(evidence);
  });

  it('pools the titles of all its spellings', () => {
    // One spelling never in a title, the other always: half the titles between them.
    expect(
      offTitle(evidence, [
        { title: 0, titled: 2 },
        { title: 2, titled: 2 },
      ]),
    ).toBe(evidence);
  });

  it('is not judged on comments and replies, which have no title, nor on a single titled listing', () => {
    expect(offTitle(evidence, [{ title: 0, titled: 0 }])).toBe(evidence);
    expect(offTitle(evidence, [{ title: 0, titled: 1 }])).toBe(evidence);
  });
});

describe('an isolated term', () => {
  it('loses RANK.isolated when its spellings stand in two listings in all', () => {
    expect(isolated(evidence, [{ listings: 2, benign: 0 }]).score).toBe(5 - RANK.isolated);
    expect(
      isolated(evidence, [
        { listings: 1, benign: 0 },
        { listings: 1, benign: 0 },
      ]).score,
    ).toBe(5 - RANK.isolated);
  });

  it('keeps its score once a third listing holds it, a benign one included', () => {
    expect(isolated(evidence, [{ listings: 2, benign: 1 }])).toBe(evidence);
    expect(isolated(evidence, [{ listings: 3, benign: 0 }])).toBe(evidence);
    expect(
      isolated(evidence, [
        { listings: 2, benign: 0 },
        { listings: 1, benign: 0 },
      ]),
    ).toBe(evidence);
  });
});

describe('a term no listing of which the classifier reached or flagged', () => {
  it('takes RANK.unreached off when none of its spellings stands in a flagged or review listing', () => {
    // A shop's own word: three listings scored benign that have an offer's shape (a price, a count).
    expect(unreached(evidence, [{ listings: 3, flagged: 0, review: 0 }]).score).toBe(5 - RANK.unreached);
    expect(
      unreached(evidence, [
        { listings: 2, flagged: 0, review: 0 },
        { listings: 4, flagged: 0, review: 0 },
      ]).score,
    ).toBe(5 - RANK.unreached);
  });

  it('takes RANK.unflagged off when its listings reached the review band but none was flagged', () => {
    // A job post or an explainer in the review band: the model's doubt, not a seller's offer.
    expect(unreached(evidence, [{ listings: 5, flagged: 0, review: 2 }]).score).toBe(5 - RANK.unflagged);
    expect(RANK.unflagged).toBeLessThan(RANK.unreached);
  });

  it('leaves a term alone when one listing of any of its spellings was flagged', () => {
    expect(unreached(evidence, [{ listings: 5, flagged: 1, review: 0 }])).toBe(evidence);
    expect(
      unreached(evidence, [
        { listings: 2, flagged: 0, review: 1 },
        { listings: 2, flagged: 1, review: 0 },
      ]),
    ).toBe(evidence);
  });
});

describe('a term sellers also write disguised', () => {
  it('gains RANK.respelled, and a term written plainly keeps its score', () => {
    expect(respelled(evidence, true).score).toBe(5 + RANK.respelled);
    expect(respelled(evidence, false)).toBe(evidence);
  });
});
