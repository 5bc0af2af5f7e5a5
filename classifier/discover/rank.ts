import { logOddsRatio } from './log-odds.js';
import type { Tally, TallyBook } from './tally.js';

/**
 * A unit's evidence as one number. Unknown jargon is mostly not flagged, so the contrast of offers
 * against benign listings is weak on its own; where the unit stands carries as much: in the slot a
 * product's name takes (beside a price, a document or face word, a contact, a known term), in titles
 * (listings name their product there), set off in quotation marks (sellers and warnings alike quote a
 * code word), standing as a word of its own rather than a piece cut from a phrase, and close in context
 * to known terms. These count in proportion to the unit's offer share (its mass in offers over its mass
 * in all listings): where a word stands says little when most of its listings sell nothing. Against it
 * count its shape: a piece cut from a longer word, a head that names no thing (name-shape.ts).
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
  /** Taken off a Chinese unit that jieba never cut at both its ends: a piece of a longer word (生款 of 学生款). */
  straddles: 2,
  /** Taken off a term whose support, all its spellings together, is thin (see `isThin`). */
  thinReach: 2.5,
  /**
   * Taken off a term (all its spellings) that the titles of its titled offer-like listings leave out,
   * in proportion to how far it falls short of half of them (see `offTitle`).
   */
  offTitle: 3,
  /** Taken off a term none of whose offer-like listings the classifier flagged or put in review (see `unreached`). */
  unreached: 3,
  /** Taken off a term some of whose offer-like listings reached the review band but none was flagged (see `unreached`). */
  unflagged: 2,
  /** Taken off a term whose spellings stand in no listing but the fewest discovery counts (see `isolated`). */
  isolated: 5,
  /** Taken off a unit whose head is clearly not a name (a verb, count, adverb or adjective: see name-shape.ts). */
  notAName: 3,
  /** Taken off a term whose offer-like listings stronger terms nearly all hold already (company.ts). */
  company: 2,
  /** Given to a term sellers also write disguised (half pinyin, initials, split, digits for letters: disguise.ts). */
  respelled: 1.5,
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

/**
 * The evidence of a unit before its context is known (contextSimilarity 0), or with it; `isName`
 * false (name-shape.ts) takes RANK.notAName off.
 */
export function unitEvidence(t: Tally, book: TallyBook, contextSimilarity = 0, isName = true): UnitEvidence {
  const contrast = logOddsRatio(t.weight, book.positiveMass, t.negative, book.negativeMass).lower;
  const offerShare = t.weight / (t.weight + t.negative);
  const share = (n: number) => n / t.listings;
  const placement =
    RANK.slot * log2p(t.slotted) * share(t.slotted) +
    RANK.title * log2p(t.title) * share(t.title) +
    RANK.quoted * log2p(t.quoted) +
    RANK.word * share(t.word) +
    RANK.bounded * share(t.bounded);
  const fragment = (t.kind !== 'latin' && t.bounded === 0 ? RANK.fragment : 0) + (t.kind === 'han' && t.aligned === 0 ? RANK.straddles : 0);
  const shape = isName ? 0 : RANK.notAName;
  const score = contrast + offerShare * placement + RANK.context * Math.max(0, contextSimilarity) - fragment - shape;
  return { contrast, offerShare, score };
}

/** A unit's support in offer-like listings: its own, or pooled over spellings counted apart (cam plugs, camplug). */
export interface Support {
  readonly listings: number;
  readonly flagged: number;
  readonly review: number;
}

/**
 * Support as thin as noise: at most two offer-like listings, and only one of them flagged or in review.
 * The rest of such a unit's offer mass is a listing scored benign that merely has an offer's shape (a
 * soft label), which every talk-about-the-trade page, notice or quiz also earns; a seller's code word
 * stands in listings the classifier reaches, or in many listings.
 */
export function isThin(s: Support): boolean {
  return s.flagged + s.review < 2 && s.listings < 3;
}

/** A term's evidence with RANK.thinReach taken off when all its spellings together have thin support (a listing counted once per spelling). */
export function thinned(evidence: UnitEvidence, spellings: readonly Support[]): UnitEvidence {
  const sum = (f: (s: Support) => number) => spellings.reduce((n, s) => n + f(s), 0);
  const pooled = { listings: sum((s) => s.listings), flagged: sum((s) => s.flagged), review: sum((s) => s.review) };
  return isThin(pooled) ? { ...evidence, score: evidence.score - RANK.thinReach } : evidence;
}

/**
 * A term none of whose offer-like listings the classifier reached (flagged or in review): all its offer
 * mass is listings scored benign that merely have an offer's shape (a price, a count, a contact), which
 * any shop's own product words earn (tape, a Chinese edition). A seller's code word stands beside the
 * rest of an offer the rules read, so some of its listings reach at least the review band; it loses
 * RANK.unreached. A term whose listings reached the review band but none was flagged loses
 * RANK.unflagged: the review band is the model's doubt, which talk about the trade, warnings, quizzes
 * and job posts earn with their words of the trade (日结, 科普, samples, turnaround), while a seller
 * repeats the code word across its offers and some of them name enough of the trade (a known term, a
 * price per unit, a contact) to be flagged. Judged on all its spellings together (each pool of
 * spellings counted once).
 */
export function unreached(evidence: UnitEvidence, spellings: readonly Support[]): UnitEvidence {
  const flagged = spellings.reduce((n, s) => n + s.flagged, 0);
  if (flagged > 0) return evidence;
  const reached = spellings.reduce((n, s) => n + s.review, 0);
  return { ...evidence, score: evidence.score - (reached === 0 ? RANK.unreached : RANK.unflagged) };
}

/**
 * Whether a unit can be proposed at all: seen in enough offers, not common in benign listings.
 * `listings`: the offers of all its spellings when they are counted apart (cam plugs, camplug).
 */
export function isEligible(t: Tally, book: TallyBook, minSupport: number, listings = t.listings): boolean {
  return listings >= minSupport && t.benign <= Math.max(listings, RANK.maxBenignRate * book.benignListings);
}

/** A spelling's title counts: offer-like listings whose title holds it, and offer-like listings with a title at all. */
export interface TitleSupport {
  readonly title: number;
  readonly titled: number;
}

/** Fewest titled listings to judge by: one listing's title says little. */
const MIN_TITLED = 2;

/**
 * A listing names its product in its title; the words it keeps for the description are what the
 * product is (a nationality, a language), how it is delivered (log in, see my page) or the seller's
 * remarks, not its name. So a term that stands in titled listings but in fewer than half of their
 * titles loses RANK.offTitle, in full when no title holds it, nothing at half or more. Comments and replies have no title and are not judged (a term seen only there keeps its score).
 */
export function offTitle(evidence: UnitEvidence, spellings: readonly TitleSupport[]): UnitEvidence {
  const title = spellings.reduce((n, s) => n + s.title, 0);
  const titled = spellings.reduce((n, s) => n + s.titled, 0);
  if (titled < MIN_TITLED) return evidence;
  const shortfall = Math.max(0, 1 - (2 * title) / titled);
  return shortfall === 0 ? evidence : { ...evidence, score: evidence.score - RANK.offTitle * shortfall };
}

/** A spelling's reach over the whole collection: offer-like listings and the other (benign) ones it stands in. */
export interface Reach {
  readonly listings: number;
  readonly benign: number;
}

/** The fewest listings discovery counts a unit in (DEFAULT_MIN_SUPPORT): a term that reaches no more is alone with them. */
const ISOLATED_AT_MOST = 2;

/**
 * A term whose spellings together stand in two listings of the whole collection and nowhere else, both
 * offer-like: its evidence is two listings sharing a phrase, which one seller's repeated wording, a
 * description of the goods (whose people, what language) or a piece of a longer phrase earns as
 * readily as a word of the trade, and its offer share of one (no benign listing holds it) lets all its placement count in full.
 * It loses RANK.isolated; a market's word reaches more listings, innocent ones included.
 */
export function isolated(evidence: UnitEvidence, spellings: readonly Reach[]): UnitEvidence {
  const reach = spellings.reduce((n, s) => n + s.listings + s.benign, 0);
  return reach <= ISOLATED_AT_MOST ? { ...evidence, score: evidence.score - RANK.isolated } : evidence;
}

/**
 * A term sellers also write disguised (disguise.ts) gains RANK.respelled: they respell the words they
 * know a filter looks for, and the ordinary words around an offer are never respelled.
 */
export function respelled(evidence: UnitEvidence, disguised: boolean): UnitEvidence {
  return disguised ? { ...evidence, score: evidence.score + RANK.respelled } : evidence;
}
