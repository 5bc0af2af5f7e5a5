import { TEXT_FIELDS } from '../contracts/index.js';
import { originalRange } from './normalize/normalize.js';
import { isTradeSignal, type ListingAnalysis, type ListingFields, type RuleHit } from './rules/analyze.js';
import { isOverruledContext } from './rules/covers.js';
import type { Offer } from './rules/offer.js';

/** At most this many sentences are tried one by one: the floor costs a scoring per sentence. */
const MAX_TRIED = 8;

/**
 * The listing without what a seller adds to pad or disguise an offer: each added-looking sentence left
 * out in turn, and all of them at once. A sentence may be left out when it holds no coded term, trade
 * signal, price pattern or negation and frames nothing (shop talk, lorem ipsum, a borrowed bedding or
 * card-holder line). Scoring these as well sets a floor: sentences added around an offer can never
 * dilute what the listing sells.
 *
 * None when the listing names no product of the trade (nor uses its jargon beside a trade signal), or frames it as talk about the trade (a
 * warning, a question, a quote, consent): that framing describes the listing, and a version without
 * it would read a warning as the offer it warns of.
 */
export function withoutAddedSentences(listing: ListingFields, analysis: ListingAnalysis, offer: Offer): ListingFields[] {
  if (!soldAsTrade(analysis, offer) || framesTheOffer(analysis, offer)) return [];
  const droppable: { field: (typeof TEXT_FIELDS)[number]; from: number; to: number }[] = [];
  let sentences = 0;
  for (const f of analysis.fields) {
    sentences += f.sentences.length;
    const hits = analysis.hits.filter((h) => h.field === f.field);
    for (const { start, end } of f.sentences) {
      const inside = hits.filter((h) => h.cstart < end && h.cend > start);
      if (inside.some((h) => !mayBeAdded(h, analysis, offer))) continue;
      const [from, to] = originalRange(f.normalized, start, end);
      droppable.push({ field: f.field, from, to });
    }
  }
  // Something must be left to read: a listing all of whose sentences could have been added is not padded.
  if (droppable.length === 0 || droppable.length >= sentences) return [];
  const without = (drop: readonly (typeof droppable)[number][]): ListingFields => {
    const out: ListingFields = { ...listing };
    for (const field of TEXT_FIELDS) {
      const text = listing[field];
      const mine = drop.filter((d) => d.field === field).sort((a, b) => b.from - a.from);
      if (typeof text !== 'string' || mine.length === 0) continue;
      let t = text;
      for (const d of mine) t = `${t.slice(0, d.from)} ${t.slice(d.to)}`;
      out[field] = t;
    }
    return out;
  };
  const one = droppable.length > 1 ? droppable.slice(0, MAX_TRIED).map((d) => without([d])) : [];
  return [...one, without(droppable)];
}

/** The listing names a product of the trade, or uses a word of its jargon (even an ambiguous one) beside a trade signal. */
function soldAsTrade(analysis: ListingAnalysis, offer: Offer): boolean {
  if (offer.named) return true;
  const live = analysis.hits.filter((h) => !h.negated);
  return live.some((h) => h.entry?.kind === 'term') && live.some(isTradeSignal);
}

/** A hit a seller's added sentence may hold: an offer part (a photo, a card) or a borrowed context, nothing that makes or frames the offer. */
function mayBeAdded(hit: RuleHit, analysis: ListingAnalysis, offer: Offer): boolean {
  if (hit.negated || hit.pattern !== null) return false;
  const e = hit.entry;
  if (e?.kind === 'part') return true;
  return e?.kind === 'context' && (e.role === 'cover' || isBorrowedProduct(hit) || isOverruledContext(hit, analysis, offer));
}

/** A warning, help or quote frame, consent, a question, or an offer mostly in quotation marks: the listing talks about the trade. */
export function framesTheOffer(analysis: ListingAnalysis, offer: Offer): boolean {
  let quoted = 0;
  let reasons = 0;
  for (const h of analysis.hits) {
    if (h.negated) continue;
    const e = h.entry;
    if (e?.kind === 'context' && e.role !== 'cover' && !isBorrowedProduct(h) && !isOverruledContext(h, analysis, offer)) return true;
    if (e?.kind !== 'context') {
      reasons++;
      if (h.quoted) quoted++;
    }
  }
  if (reasons > 0 && quoted * 2 >= reasons) return true;
  return analysis.fields.some((f) => f.normalized.base.includes('?') || f.normalized.base.includes('？'));
}

/**
 * A benign product or service named in a sentence of its own (photo printing, an SDK, "for academic
 * research"): like a cover, it may have been added, so it frames nothing; the floor still needs the
 * rest to read as an offer on its own. Consent is not one: it says how the listing's own data was got.
 */
function isBorrowedProduct(hit: RuleHit): boolean {
  const e = hit.entry;
  return e?.kind === 'context' && e.role === 'product' && e.id !== 'consent';
}
