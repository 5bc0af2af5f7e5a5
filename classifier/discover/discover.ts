import type { Lexicon } from '../lexicon/load.js';
import { demoteCompany } from './company.js';
import { contextMatches } from './context.js';
import { countUnits } from './count.js';
import { describe, type Family } from './describe.js';
import { isDisguised } from './disguise.js';
import { dropNested, dropRunOns, holds } from './families.js';
import { isKnownUnit } from './known.js';
import { namesAThing } from './name-shape.js';
import { listingFields, type ListingReading } from './read-listing.js';
import { isEligible, isolated, offTitle, RANK, respelled, thinned, unitEvidence, unreached, type Support } from './rank.js';
import type { Tally } from './tally.js';
import type { Candidate, DiscoveryInput, DiscoveryOptions } from './types.js';
import { isSpellingOf, singular, SpellingScanner } from './variants.js';

/**
 * Code-word discovery: from listings and the classifier's verdicts on them, the words that stand
 * where offers name their product but that the lexicon does not know, best first. Pure: no store, no
 * model; the lexicon (with any overlay) says what is known and the rules say where the slots are.
 *
 *   count units (offer-like listings, then benign ones) → drop known units and nested fragments →
 *   rank by contrast and slots → context similarity for the best few hundred → rank again (with the
 *   unit's shape: a name or not, name-shape.ts) → group spellings → demote the company of stronger
 *   terms (company.ts) → describe the top N (category, variants, examples, why).
 */
export const DEFAULT_TOP = 100;
export const DEFAULT_MIN_SUPPORT = 2;
/**
 * Without a minimum score, a candidate needs this share of the evidence of the third best one (and at
 * least MIN_SCORE_FLOOR): scores scale with how much of the data the classifier already reads as
 * offers, so a fixed bar would keep a long tail where much is flagged and nothing where little is.
 */
export const RELATIVE_MIN_SCORE = 0.45;
const MIN_SCORE_FLOOR = 1;
/** How many ranked units get a context vector (the SVD is over these and the known terms). */
const CONTEXT_POOL_FACTOR = 4;

export function discoverTerms(inputs: readonly DiscoveryInput[], lexicon: Lexicon, options: DiscoveryOptions = {}): Candidate[] {
  const top = options.top ?? DEFAULT_TOP;
  const minSupport = options.minSupport ?? DEFAULT_MIN_SUPPORT;
  const { book, readings } = countUnits(inputs, lexicon, { minSupport, reviewThreshold: options.reviewThreshold, onProgress: options.onProgress });
  // A Latin term written apart, hyphenated and as one word (cam plugs, camplug) is counted as several
  // units; each is eligible on the offers of them all, and they meet again as spellings of one term.
  const compact = new Map<Tally, string>();
  const latinSupport = new Map<string, Support>();
  for (const t of book.byKey.values()) {
    if (t.kind !== 'latin') continue;
    const key = singular(t.key);
    compact.set(t, key);
    const s = latinSupport.get(key) ?? { listings: 0, flagged: 0, review: 0 };
    latinSupport.set(key, { listings: s.listings + t.listings, flagged: s.flagged + t.flagged, review: s.review + t.review });
  }
  const support = (t: Tally): Support => (t.kind === 'latin' ? latinSupport.get(compact.get(t)!)! : t);
  const pooled = (t: Tally) => support(t).listings;
  const eligible = [...book.byKey.values()].filter((t) => isEligible(t, book, minSupport, pooled(t)) && !isKnownUnit(lexicon, t.key));
  const first = dropRunOns(dropNested(eligible, pooled))
    .map((t) => ({ t, score: unitEvidence(t, book).score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, top * CONTEXT_POOL_FACTOR)
    .map((x) => x.t);
  options.onProgress?.('context', first.length);
  const context = contextMatches(
    first.map((t) => t.key),
    inputs,
    readings,
    lexicon,
  );
  const ranked = first
    .map((t) => ({ t, evidence: unitEvidence(t, book, context.get(t.key)?.nearest ?? 0, namesAThing(t.key, t.kind)) }))
    .sort((a, b) => b.evidence.score - a.evidence.score || (a.t.key < b.t.key ? -1 : 1));

  const families: Family[] = [];
  const taken = new Set<Tally>();
  for (const { t, evidence } of ranked) {
    if (families.length === top) break;
    if (taken.has(t)) continue;
    // A unit inside or around a term already taken is that term again.
    if (families.some((f) => f.members.some((m) => holds(m, t) || holds(t, m)))) continue;
    const members = [t, ...ranked.map((r) => r.t).filter((o) => o !== t && !taken.has(o) && isSpellingOf(t, o))];
    for (const m of members) taken.add(m);
    // Its shape as a whole term: thin support, none of its listings reached, isolated, left out of titles (rank.ts).
    // A listing is counted once per spelling; spellings counted apart share one pool (cam plugs, camplug), counted once.
    const spellings = [...new Set(members.map(support))];
    const whole = offTitle(isolated(unreached(thinned(evidence, spellings), spellings), members), members);
    families.push({ head: t, members, evidence: whole, context: context.get(t.key) });
  }
  // Every term's spellings as sellers wrote them, looked for in every listing: a disguised one (half
  // pinyin, initials, split, digits for letters) gains RANK.respelled before the terms are ordered.
  options.onProgress?.('spellings', families.length);
  const scanned = scanSpellings(families, inputs, readings, lexicon);
  // Company is judged on the offer-like listings each term's spellings stand in (their kept examples).
  const terms = demoteCompany(
    families.map((f, entry) => ({
      ...f,
      entry,
      evidence: respelled(f.evidence, isDisguised(scanned.written[entry]!.keys(), scanned.others[entry]!.keys())),
      listings: f.members.flatMap((m) => m.examples),
    })),
    RANK.company,
  );

  const third = terms[Math.min(2, terms.length - 1)]?.evidence.score ?? 0;
  const minScore = options.minScore ?? Math.max(MIN_SCORE_FLOOR, RELATIVE_MIN_SCORE * third);
  return terms
    .filter((f) => f.evidence.score >= minScore)
    .map((f) => {
      const others = new Map(scanned.others[f.entry]!);
      for (const [form, n] of scanned.shortened(f.entry)) others.set(form, (others.get(form) ?? 0) + n);
      return describe(f, { written: scanned.written[f.entry]!, others }, inputs, readings, lexicon);
    });
}

/** One pass over every listing's fields for the spellings of every term (variants.ts). */
function scanSpellings(
  families: readonly Family[],
  inputs: readonly DiscoveryInput[],
  readings: readonly (ListingReading | null)[],
  lexicon: Lexicon,
): SpellingScanner {
  const scanner = new SpellingScanner(
    families.map((f) => ({ key: f.head.key, others: f.members.filter((m) => m !== f.head).map((m) => m.key) })),
    lexicon.emoji,
  );
  inputs.forEach((input, i) => {
    const fields = listingFields(input.listing);
    const reading = readings[i];
    const where = {
      offerLike: reading !== null,
      forSale: reading !== null || (fields.price ?? '') !== '',
      reached: input.verdict.flagged || input.verdict.review,
    };
    for (const text of [fields.title, fields.description, fields.price]) if (text) scanner.scan(text, where);
  });
  return scanner;
}

/**
 * The seam for any source of listings (a JSON Lines file now, the store later): listings with their
 * verdicts as an async iterable. Discovery needs every listing's counts before it can rank, so the
 * source is read to the end first.
 */
export async function discoverFromSource(source: AsyncIterable<DiscoveryInput>, lexicon: Lexicon, options: DiscoveryOptions = {}): Promise<Candidate[]> {
  const inputs: DiscoveryInput[] = [];
  for await (const input of source) inputs.push(input);
  return discoverTerms(inputs, lexicon, options);
}
