import { CATEGORIES, type TextField } from '../../contracts/index.js';
import type { Lexicon } from '../lexicon/load.js';
import type { NormalizedText } from '../normalize/normalize.js';
import { analyzeListing, type ListingFields, type RuleHit } from '../rules/analyze.js';
import { namesAProduct, readOffer, type Offer } from '../rules/offer.js';
import type { DiscoveryInput, DiscoveryListing } from './types.js';

/**
 * What the rules found in one listing, as discovery uses it: how much the listing counts as an offer
 * (a soft label), which category its offer leans to, and where in its text the known things sit (the
 * slots a new word for the product stands in: beside a price per unit, a document or face word, a
 * contact, a known term).
 */
export const SLOT_KINDS = ['price', 'contact', 'document', 'face', 'term', 'offer'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export type VerdictClass = 'flagged' | 'review' | 'benign';

/** A rule hit as a compact span: what units may not cut through, and what they may stand beside. */
export interface HitSpan {
  readonly start: number;
  readonly end: number;
  /** A unit may not contain it (a coded term, a signal, a price or contact pattern); parts and contexts it may (脸谱包 holds 脸). */
  readonly strict: boolean;
  /** The slot it marks, or null (negated hits, contexts, sale words). */
  readonly slot: SlotKind | null;
  /** Its name as a context word for co-occurrence (T:handheld-id, P:document, X:unit-price…). */
  readonly token: string;
  /** Known terms only: the entry id. */
  readonly termId: string | null;
  /** The words as the seller wrote them (what `why` names: "next to 身份证"). */
  readonly text: string;
}

export interface FieldFindings {
  readonly field: TextField;
  readonly spans: readonly HitSpan[];
}

export interface ListingReading {
  readonly verdict: VerdictClass;
  /** How much the listing counts as an offer, 0–1 (see SOFT_LABEL). */
  readonly weight: number;
  /** Votes for each category (CATEGORIES order), summing to 1 or all 0. */
  readonly votes: readonly number[];
  /** Fields with their findings; only for listings with weight > 0. */
  readonly fields: readonly FieldFindings[];
}

// Soft labels. A flag is an offer; the review band nearly one. An unflagged listing counts by its score
// (the model reads an offer's structure and wording even where no rule can cite a reason), up to
// `unflagged` at the review threshold; one whose offer the rules read (a product and sale terms) with
// no known term counts at least `offerNoTerm`: the weak positive class, where a new word for the
// product most likely stands. Below `minScoreShare` of the review threshold a listing is benign: most
// hard negatives have an offer's structure too, and would drown the few listings that matter.
export const SOFT_LABEL = { flagged: 1, review: 0.7, unflagged: 0.6, offerNoTerm: 0.3, minScoreShare: 0.25 } as const;

/** The review threshold assumed when the caller does not give the classifier's. */
export const DEFAULT_REVIEW_THRESHOLD = 0.25;

const SLOT_OF_PART: Partial<Record<string, SlotKind>> = {
  document: 'document',
  face: 'face',
  together: 'offer',
  media: 'offer',
  many: 'offer',
  motion: 'offer',
  animate: 'offer',
  spoof: 'offer',
  'stand-in': 'offer',
  'bank-card': 'offer',
  'phone-card': 'offer',
  account: 'offer',
  'personal-info': 'offer',
  'no-consent': 'offer',
};
const SLOT_OF_PATTERN: Partial<Record<string, SlotKind>> = { 'unit-price': 'price', price: 'price', 'bulk-quantity': 'price', 'contact-id': 'contact' };

export function verdictClass(input: DiscoveryInput): VerdictClass {
  return input.verdict.flagged ? 'flagged' : input.verdict.review ? 'review' : 'benign';
}

/** The fields the classifier reads, as text. */
export function listingFields(listing: DiscoveryListing): ListingFields {
  return { title: listing.title, description: listing.description, price: listing.price == null ? null : String(listing.price) };
}

/** The listing read; `normalized` (one per field of the reading) is for the caller's use now, not to keep. */
export function readListing(
  lexicon: Lexicon,
  input: DiscoveryInput,
  reviewThreshold = DEFAULT_REVIEW_THRESHOLD,
): { reading: ListingReading; normalized: readonly NormalizedText[] } {
  const verdict = verdictClass(input);
  const none = { reading: { verdict, weight: 0, votes: [0, 0, 0, 0], fields: [] }, normalized: [] };
  // Too low a score: benign, not read further. (A high score with no rule evidence is the model reading
  // an offer the rules cannot cite: just where unknown words stand.)
  if (verdict === 'benign' && input.verdict.score < SOFT_LABEL.minScoreShare * reviewThreshold) return none;
  const analysis = analyzeListing(lexicon, listingFields(input.listing));
  const offer = readOffer(analysis);
  const weight = verdict === 'benign' ? unflaggedWeight(input.verdict.score / reviewThreshold, analysis.hits, offer) : SOFT_LABEL[verdict];
  if (weight === 0) return none;
  const votes = categoryVotes(input, analysis.hits, offer);
  const fields = analysis.fields.map((f) => ({
    field: f.field,
    spans: analysis.hits.filter((h) => h.field === f.field).map((h) => spanOf(h, f.normalized.original)),
  }));
  return { reading: { verdict, weight, votes, fields }, normalized: analysis.fields.map((f) => f.normalized) };
}

/** An unflagged listing's weight: its score's share of the review threshold, more for an offer with no known term, none for talk about the trade. */
function unflaggedWeight(scoreShare: number, hits: readonly RuleHit[], offer: Offer): number {
  const live = hits.filter((h) => !h.negated);
  if (live.some((h) => h.entry?.kind === 'term' && !h.entry.needsSignal)) return 0;
  if (live.some((h) => h.entry?.kind === 'context' && h.entry.role === 'frame')) return 0;
  const byScore = SOFT_LABEL.unflagged * Math.min(1, scoreShare);
  return namesAProduct(offer) && offer.structures.has('sale') ? Math.max(byScore, SOFT_LABEL.offerNoTerm) : byScore;
}

/** The category a listing's offer leans to: the verdict's when flagged, else its known terms and structures. */
function categoryVotes(input: DiscoveryInput, hits: readonly RuleHit[], offer: Offer): number[] {
  const votes = [0, 0, 0, 0];
  const add = (c: (typeof CATEGORIES)[number], v: number) => (votes[CATEGORIES.indexOf(c)]! += v);
  if (input.verdict.flagged && input.verdict.category) add(input.verdict.category, 2);
  const seen = new Set<string>();
  for (const h of hits) {
    if (h.negated || h.entry?.kind !== 'term' || !h.entry.category || seen.has(h.entry.id)) continue;
    seen.add(h.entry.id);
    add(h.entry.category, h.entry.needsSignal ? 0.25 : 1);
  }
  const s = offer.structures;
  if (s.has('frame')) add('id_holding_photo', 1);
  if (s.has('doc-images')) add('id_holding_photo', 0.5);
  if (s.has('bundle')) add('face_bundle', 1);
  if (s.has('kit')) add('identity_kit', offer.kitItems >= 3 ? 1.5 : 1);
  if (s.has('liveness')) add('liveness_bypass', 1);
  const sum = votes.reduce((a, b) => a + b, 0);
  return sum > 0 ? votes.map((v) => v / sum) : votes;
}

function spanOf(h: RuleHit, original: string): HitSpan {
  const e = h.entry;
  const kind = e?.kind;
  const strict = h.pattern !== null || kind === 'term' || kind === 'signal';
  let slot: SlotKind | null = null;
  let token: string;
  if (h.pattern !== null) {
    slot = SLOT_OF_PATTERN[h.pattern] ?? null;
    token = `X:${h.pattern}`;
  } else if (kind === 'term') {
    slot = 'term';
    token = `T:${e!.category}`;
  } else if (kind === 'signal') {
    slot = e!.id === 'contact' ? 'contact' : null;
    token = `S:${e!.id}`;
  } else if (kind === 'part') {
    slot = SLOT_OF_PART[e!.part!] ?? null;
    token = `P:${e!.part}`;
  } else token = `C:${e?.id ?? '?'}`;
  if (h.negated) slot = null;
  const termId = kind === 'term' ? e!.id : null;
  return { start: h.cstart, end: h.cend, strict, slot, token: h.negated ? `N:${token}` : token, termId, text: original.slice(h.start, h.end) };
}
