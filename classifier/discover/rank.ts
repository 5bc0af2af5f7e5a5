import { logOddsRatio } from './log-odds.js';
import type { Tally, TallyBook } from './tally.js';

/**
 * A unit's evidence as one number. Unknown jargon is mostly not flagged, so the contrast of offers
 * against benign listings is weak on its own; where the unit stands carries as much: in the slot a
 * product's name takes (beside a price, a document or face word, a contact, a known term), in titles
 * (listings name their product there), set off in quotation marks (sellers and warnings alike quote a
 * code word), standing as a word of its own rather than a piece cut from a phrase, and close in context
 * to known terms. These count in proportion to the unit's offer share (its mass in offers over its mass
 * in all listings): where a word stands says little when most of its listings sell nothing.
 */
export const RANK = {
  /** Per log2 of the offer-like listings where it stood in a slot, times the share of them. */
  slot: 1.5,
  /** Per log2 of the listings whose title holds it, times the share of them. */
  title: 3,
  /** Per log2 of the listings that quote it. */
  quoted: 1,
  /** Times the share of its listings where jieba cut it as a word. */
  word: 0.5,
  /** Times the share of its listings where it stood as a word of its own. */
  bounded: 1,
  /** Taken off a Chinese unit that never stood as a word of its own: a fragment of a phrase. */
  fragment: 1.5,
  /** Times its context similarity to the nearest known term (cosine, 0–1). */
  context: 1.5,
  /**
   * The benign listings' own vocabulary: a unit in more than this share of them (and in more of them
   * than offer-like ones) is never proposed. Unknown jargon is rare there even though many of the
   * listings it stands in are scored benign.
   */
  maxBenignRate: 0.03,
} as const;

export interface UnitEvidence {
  readonly contrast: number;
  readonly offerShare: number;
  readonly score: number;
}

const log2p = (n: number) => Math.log2(1 + n);

/** The evidence of a unit before its context is known (contextSimilarity 0), or with it. */
export function unitEvidence(t: Tally, book: TallyBook, contextSimilarity = 0): UnitEvidence {
  const contrast = logOddsRatio(t.weight, book.positiveMass, t.negative, book.negativeMass).lower;
  const offerShare = t.weight / (t.weight + t.negative);
  const share = (n: number) => n / t.listings;
  const placement =
    RANK.slot * log2p(t.slotted) * share(t.slotted) +
    RANK.title * log2p(t.title) * share(t.title) +
    RANK.quoted * log2p(t.quoted) +
    RANK.word * share(t.word) +
    RANK.bounded * share(t.bounded);
  const fragment = t.kind !== 'latin' && t.bounded === 0 ? RANK.fragment : 0;
  const score = contrast + offerShare * placement + RANK.context * Math.max(0, contextSimilarity) - fragment;
  return { contrast, offerShare, score };
}

/**
 * Whether a unit can be proposed at all: seen in enough offers, not common in benign listings.
 * `listings`: the offers of all its spellings when they are counted apart (cam plugs, camplug).
 */
export function isEligible(t: Tally, book: TallyBook, minSupport: number, listings = t.listings): boolean {
  return listings >= minSupport && t.benign <= Math.max(listings, RANK.maxBenignRate * book.benignListings);
}
