import type { UnitEvidence } from './rank.js';

/**
 * A writer's company words. A seller repeats the words around the product (生款 of 學生款, 一支,
 * "works") in the very listings where the product's code word stands, so such a word rides on the
 * code word's evidence. A term whose offer-like listings all hold a stronger term already is that
 * term's company: approving it would reach no listing the stronger ones do not. It loses RANK.company
 * (rank.ts); a code word of its own stands in listings of its own.
 */

/**
 * The share of a term's offer-like listings that stronger terms must already hold for it to be their
 * company. All: at three quarters a true term sold mostly in combos (full closet beside mirror shots)
 * went too.
 */
export const COMPANY_SHARE = 1;
/** Fewest offer-like listings to judge by (one listing says nothing about company). */
const MIN_LISTINGS = 2;

export interface Ranked {
  readonly evidence: UnitEvidence;
  /** Indices of the offer-like listings it stands in (any of its spellings). */
  readonly listings: readonly number[];
}

/**
 * The terms in score order, each with `penalty` taken off when it is company of stronger ones (judged
 * against the terms ranked above it, best first, before any is demoted), sorted again.
 */
export function demoteCompany<T extends Ranked>(terms: readonly T[], penalty: number): T[] {
  const sorted = [...terms].sort((a, b) => b.evidence.score - a.evidence.score);
  const held = new Set<number>();
  const out = sorted.map((t) => {
    const own = new Set(t.listings);
    let covered = 0;
    for (const i of own) if (held.has(i)) covered++;
    for (const i of own) held.add(i);
    if (own.size < MIN_LISTINGS || covered < COMPANY_SHARE * own.size) return t;
    return { ...t, evidence: { ...t.evidence, score: t.evidence.score - penalty } };
  });
  return out.sort((a, b) => b.evidence.score - a.evidence.score);
}
