import { CATEGORIES, type Category } from '../../contracts/index.js';
import type { Lexicon } from '../lexicon/load.js';
import { normalize } from '../normalize/normalize.js';
import type { ContextMatch } from './context.js';
import { eachCleanUnit, slotsBeside } from './field-units.js';
import { listingFields, SLOT_KINDS, type ListingReading, type SlotKind } from './read-listing.js';
import type { UnitEvidence } from './rank.js';
import type { Tally } from './tally.js';
import type { Candidate, CandidateSupport, DiscoveryInput } from './types.js';

/** A term found: its best unit, the other spellings grouped with it, and the evidence. */
export interface Family {
  readonly head: Tally;
  readonly members: readonly Tally[];
  readonly evidence: UnitEvidence;
  readonly context: ContextMatch | undefined;
}

/** How the context vote weighs against the listings' own category votes (which sum to 1). */
const CONTEXT_VOTE = 0.5;
/** A context this close is worth naming in `why`. */
const NAMED_CONTEXT = 0.3;
const MAX_EXAMPLES = 10;
const MAX_VARIANTS = 10;

export function categoryOf(f: Family): Category {
  const votes = [0, 0, 0, 0];
  for (const m of f.members) for (let c = 0; c < 4; c++) votes[c]! += m.votes[c]!;
  const sum = votes.reduce((a, b) => a + b, 0);
  const score = votes.map((v, c) => (sum > 0 ? v / sum : 0) + CONTEXT_VOTE * Math.max(0, f.context?.byCategory[c] ?? 0));
  return CATEGORIES[score.indexOf(Math.max(...score))]!;
}

/** Per slot kind: in how many example listings the family stood there, and the words it stood beside most. */
function slotWords(
  f: Family,
  inputs: readonly DiscoveryInput[],
  readings: readonly (ListingReading | null)[],
  lexicon: Lexicon,
): Map<SlotKind, { listings: number; words: Map<string, number> }> {
  const keys = new Set(f.members.map((m) => m.key));
  const out = new Map<SlotKind, { listings: number; words: Map<string, number> }>();
  for (const i of new Set(f.members.flatMap((m) => m.examples))) {
    const reading = readings[i];
    if (!reading) continue;
    const fields = listingFields(inputs[i]!.listing);
    const here = new Map<SlotKind, Set<string>>();
    for (const field of reading.fields) {
      eachCleanUnit(normalize(fields[field.field]!, lexicon.emoji), field, (u) => {
        if (!keys.has(u.key)) return;
        for (const s of slotsBeside(u, field.spans)) {
          const set = here.get(s.slot!) ?? new Set<string>();
          here.set(s.slot!, set.add(s.text.toLowerCase()));
        }
      });
    }
    for (const [kind, words] of here) {
      const entry = out.get(kind) ?? { listings: 0, words: new Map<string, number>() };
      entry.listings++;
      for (const w of words) entry.words.set(w, (entry.words.get(w) ?? 0) + 1);
      out.set(kind, entry);
    }
  }
  return out;
}

const mostCommon = (m: ReadonlyMap<string, number>): string | undefined => [...m].sort((a, b) => b[1] - a[1])[0]?.[0];

const SLOT_PHRASE: Record<SlotKind, (word: string) => string> = {
  price: () => 'beside a price per unit',
  contact: () => 'beside an off-platform contact',
  document: (w) => `next to ${w}`,
  face: (w) => `next to ${w}`,
  term: (w) => `next to the known term ${w}`,
  offer: (w) => `next to offer words (${w})`,
};

function why(f: Family, flaggedOrReview: number, benign: number, offerLike: number, slots: ReturnType<typeof slotWords>): string {
  const parts = [
    `in ${flaggedOrReview} flagged/review listings and ${benign} benign${offerLike > 0 ? ` (${offerLike} of them unflagged but read as offers)` : ''}`,
  ];
  const bySize = SLOT_KINDS.filter((k) => slots.has(k)).sort((a, b) => slots.get(b)!.listings - slots.get(a)!.listings);
  for (const kind of bySize) parts.push(`${SLOT_PHRASE[kind](mostCommon(slots.get(kind)!.words) ?? '')} in ${slots.get(kind)!.listings}`);
  const titles = f.members.reduce((n, m) => n + m.title, 0);
  const quoted = f.members.reduce((n, m) => n + m.quoted, 0);
  if (titles > 0) parts.push(`in ${titles} title${titles > 1 ? 's' : ''}`);
  if (quoted > 0) parts.push(`in quotation marks in ${quoted}`);
  if (f.context?.nearestTerm && f.context.nearest >= NAMED_CONTEXT) parts.push(`context close to ${f.context.nearestTerm} (${f.context.nearest.toFixed(2)})`);
  return parts.join('; ');
}

/**
 * Listings the family's spellings appear in, by verdict. A listing with two of its spellings counts
 * once where the tallies kept every offer-like listing (their examples); benign listings without an
 * offer were only counted, so theirs are summed.
 */
function familySupport(f: Family, readings: readonly (ListingReading | null)[]): CandidateSupport & { offerLike: number } {
  const sum = (k: 'flagged' | 'review' | 'benign' | 'offerLike') => f.members.reduce((n, m) => n + m[k], 0);
  if (f.members.length === 1 || !f.members.every((m) => m.examples.length === m.listings)) {
    return { flagged: sum('flagged'), review: sum('review'), benign: sum('benign'), offerLike: sum('offerLike') };
  }
  const verdicts = [...new Set(f.members.flatMap((m) => m.examples))].map((i) => readings[i]!.verdict);
  const offerLike = verdicts.filter((v) => v === 'benign').length;
  return {
    flagged: verdicts.filter((v) => v === 'flagged').length,
    review: verdicts.filter((v) => v === 'review').length,
    benign: offerLike + sum('benign') - sum('offerLike'),
    offerLike,
  };
}

export function describe(
  f: Family,
  spellings: { written: ReadonlyMap<string, number>; others: ReadonlyMap<string, number> },
  inputs: readonly DiscoveryInput[],
  readings: readonly (ListingReading | null)[],
  lexicon: Lexicon,
): Candidate {
  const { offerLike, ...support } = familySupport(f, readings);
  // The term as sellers write it most often; the rest are its variants.
  const term = mostCommon(spellings.written) ?? f.head.key;
  const variants = new Map<string, number>([...spellings.written, ...spellings.others]);
  variants.delete(term);
  const examples = [...new Set(f.members.flatMap((m) => m.examples))]
    .sort((a, b) => (readings[b]?.weight ?? 0) - (readings[a]?.weight ?? 0))
    .slice(0, MAX_EXAMPLES)
    .map((i) => inputs[i]!.listing.id);
  return {
    term,
    category: categoryOf(f),
    score: Math.round(f.evidence.score * 1000) / 1000,
    support,
    variants: [...variants]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_VARIANTS)
      .map(([v]) => v),
    examples,
    why: why(f, support.flagged + support.review, support.benign, offerLike, slotWords(f, inputs, readings, lexicon)),
  };
}
