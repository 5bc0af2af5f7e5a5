import type { Category, Evidence } from '../contracts/index.js';
import type { LexiconEntry } from './lexicon/load.js';
import type { PartId } from './lexicon/schema.js';
import type { ListingAnalysis, RuleHit } from './rules/analyze.js';
import { isOverruledContext } from './rules/covers.js';
import type { Offer } from './rules/offer.js';

const MAX_EVIDENCE = 12;

const PATTERN_REASONS: Record<string, string> = {
  'unit-price': 'trade signal: price per unit',
  'bulk-quantity': 'trade signal: bulk quantity',
  'contact-id': 'trade signal: off-platform contact id',
  price: 'trade signal: low price',
  count: 'offer: many people or units',
};

export const PART_REASONS: Record<PartId, string> = {
  document: 'offer: an identity document',
  face: "offer: a person's face",
  media: 'offer: photos or video',
  together: 'offer: document and face in one frame',
  many: 'offer: many people or units',
  'no-consent': 'offer: taken without consent',
  use: "offer: the buyer's use (verification, accounts)",
  sale: 'offer: sale terms',
  motion: 'offer: the motions a face check asks for',
  animate: 'offer: a face animated or swapped',
  spoof: 'offer: a spoofed face or camera',
  'stand-in': 'offer: someone else does the face check',
  'bank-card': 'offer: a bank card',
  'phone-card': 'offer: a phone card',
  account: 'offer: account logins',
  'personal-info': 'offer: personal details',
  'one-person': "offer: one person's set",
  real: 'offer: real people',
  synthetic: 'lowers the score: synthetic faces',
};

// The reasons of each lexicon entry by how it was read (negated, disguised, overruled): the same string
// object every time, not a string built per hit (built anew, each was hashed again by buildEvidence's sets).
const reasonsByEntry = new WeakMap<LexiconEntry, (string | undefined)[]>();

function reasonFor(hit: RuleHit, overruled: boolean): string {
  const e = hit.entry;
  if (e === null) return PATTERN_REASONS[hit.pattern ?? ''] ?? 'trade signal';
  let reasons = reasonsByEntry.get(e);
  if (reasons === undefined) reasonsByEntry.set(e, (reasons = new Array<string | undefined>(8)));
  const slot = (hit.negated ? 4 : 0) + (hit.obfuscated ? 2 : 0) + (overruled ? 1 : 0);
  return (reasons[slot] ??= entryReason(e, hit, overruled));
}

/** A hit's reason from its entry and how it was read: nothing else of the hit may go into it (see reasonFor). */
function entryReason(e: LexiconEntry, hit: RuleHit, overruled: boolean): string {
  if (hit.negated) return e.kind === 'context' ? `denied context: says it is not ${e.id}` : `negated: ${e.id}`;
  const disguised = hit.obfuscated ? ', disguised spelling' : '';
  switch (e.kind) {
    case 'term':
      if (e.approved !== undefined) return `approved term: ${e.approved} for ${e.category}${e.needsSignal ? ' (ambiguous alone)' : ''}${disguised}`;
      return `coded term for ${e.category}${e.needsSignal ? ' (ambiguous alone)' : ''}${disguised}`;
    case 'signal':
      return `trade signal: ${e.id}${disguised}`;
    case 'context':
      // Beside a concrete offer a borrowed context is a cover: shown, so the investigator sees it was read, but not counted.
      return overruled ? `cover, not counted beside the offer: ${e.id} context` : `lowers the score: ${e.id} context`;
    case 'part':
      return PART_REASONS[e.part!];
    default:
      return e.kind;
  }
}

/** Whether a hit is a reason to flag: a coded term, a trade signal or a part of an offer's structure (not a context, nothing negated). */
export function isFlagReason(hit: RuleHit, offer: Offer): boolean {
  if (hit.negated) return false;
  const kind = hit.entry?.kind;
  // A part is a reason inside a product's structure; sale terms alone say nothing of what is sold.
  if (kind === 'part') return hit.entry!.part !== 'sale' && offer.support.has(hit);
  return kind === 'term' || kind === 'signal' || (hit.pattern !== null && hit.pattern !== 'count');
}

/** A context's rank (rank below): shown last, and looked for by keepOneCover. */
const CONTEXT_RANK = 3;

/** Order: terms of the verdict's category first, then other terms, offer parts and trade signals, then contexts. */
function rank(hit: RuleHit, category: Category | null): number {
  const e = hit.entry;
  if (hit.negated) return 4;
  if (e?.kind === 'term') return e.category === category ? 0 : 1;
  if (e?.kind === 'context') return CONTEXT_RANK;
  return 2;
}

/**
 * The spans of the ORIGINAL field text behind a verdict. A hit inside a longer hit of the same rank
 * is dropped (手持身份证照 explains itself; 身份证 inside it adds nothing). Offer parts are shown only
 * when they make a structure (a lone "photo" explains nothing).
 */
export function buildEvidence(analysis: ListingAnalysis, offer: Offer, category: Category | null): Evidence[] {
  if (analysis.hits.length === 0) return [];
  const originals = new Map(analysis.fields.map((f) => [f.field, f.normalized.original]));
  const ranked: { hit: RuleHit; rank: number }[] = [];
  for (const hit of analysis.hits) if (hit.entry?.kind !== 'part' || offer.support.has(hit)) ranked.push({ hit, rank: rank(hit, category) });
  // Stable: hits of one rank and length keep the order the rules found them in.
  ranked.sort((x, y) => x.rank - y.rank || y.hit.end - y.hit.start - (x.hit.end - x.hit.start));
  const kept: { hit: RuleHit; rank: number; reason: string }[] = [];
  // The words already shown, by reason: a set per reason, not a joined key, so no key string is built per hit.
  const said = new Map<string, Set<string>>();
  for (const c of ranked) {
    const reason = reasonFor(c.hit, isOverruledContext(c.hit, analysis, offer));
    // A word repeated ten times is one reason, shown once.
    const words = originals.get(c.hit.field)!.slice(c.hit.start, c.hit.end).toLowerCase();
    let saidFor = said.get(reason);
    if (saidFor === undefined) said.set(reason, (saidFor = new Set()));
    if (saidFor.has(words)) continue;
    saidFor.add(words);
    if (!coveredByKept(kept, c.hit, c.rank <= 1)) kept.push({ hit: c.hit, rank: c.rank, reason });
    if (kept.length === MAX_EVIDENCE) {
      keepOneCover(kept, ranked, analysis, offer);
      break;
    }
  }
  return kept.map(({ hit, reason }) => ({
    field: hit.field,
    start: hit.start,
    end: hit.end,
    text: originals.get(hit.field)!.slice(hit.start, hit.end),
    reason,
  }));
}

/**
 * A cover read beside the offer is shown even when the offer's own words fill the list: contexts rank
 * last, so a flagged listing with a dozen offer words lost the line that says its résumé-template or
 * bedding title was read and not counted, which is what an investigator checks a cover against. It
 * takes the last place (the least telling word kept).
 */
function keepOneCover(
  kept: { hit: RuleHit; rank: number; reason: string }[],
  ranked: readonly { hit: RuleHit; rank: number }[],
  analysis: ListingAnalysis,
  offer: Offer,
): void {
  if (kept.some((k) => k.rank === CONTEXT_RANK)) return;
  for (const c of ranked) {
    if (c.rank !== CONTEXT_RANK || !isOverruledContext(c.hit, analysis, offer)) continue;
    kept[kept.length - 1] = { hit: c.hit, rank: c.rank, reason: reasonFor(c.hit, true) };
    return;
  }
}

/** Whether a kept hit of the same standing (a term, or not) in the same field spans this one. */
function coveredByKept(kept: readonly { hit: RuleHit; rank: number }[], hit: RuleHit, isTerm: boolean): boolean {
  for (const k of kept) if (k.hit.field === hit.field && k.hit.start <= hit.start && hit.end <= k.hit.end && k.rank <= 1 === isTerm) return true;
  return false;
}
