import { TEXT_FIELDS } from '../contracts/index.js';
import { addedEdges, isContextWord, sentenceStartsAt, titleTailContexts, type Cut } from './added-edges.js';
import { originalRange } from './normalize/normalize.js';
import { isTradeSignal, type ListingAnalysis, type ListingFields, type RuleHit } from './rules/analyze.js';
import { wordBreakBefore } from './rules/clauses.js';
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
 * Fewer (edgeSentencesOnly) when the listing is sold but names no product of the trade (nor uses its
 * jargon beside a trade signal); none when it is not sold either, or frames the offer as talk about the trade (a
 * warning, a question, a quote, consent): that framing describes the listing, and a version without
 * it would read a warning as the offer it warns of.
 */
export function withoutAddedSentences(listing: ListingFields, analysis: ListingAnalysis, offer: Offer): WithoutAdded[] {
  const named = soldAsTrade(analysis, offer);
  // Sold, though no rule names what (new jargon the model reads): only an edge sentence of the description
  // is left out, one at a time (see edgeSentencesOnly).
  if (!named && !offer.structures.has('sale')) return [];
  const apart = contextsApart(analysis);
  if (framesTheOffer(analysis, offer, apart)) return [];
  const droppable: Cut[] = [];
  const edges: Cut[] = [];
  // Parts of a sentence that holds the offer's own words: never the whole of it, so something is always left.
  const runOns: Cut[] = [];
  let sentences = 0;
  // A title read alone is cut at any space; a description's sentences end with stops, and a benign
  // one often says what it is in words no rule knows, which a cut at a space would drop: it is cut only
  // where a capitalized word starts a sentence run on (see addedEdges). The price field is the price, never
  // an added sentence: a title with a price is still a title read alone.
  const prose = analysis.fields.filter((f) => f.field !== 'price');
  const titleOnly = prose.length === 1 && prose[0]!.field === 'title';
  for (const f of prose) {
    sentences += f.sentences.length;
    // The field's hits that make or frame the offer: a sentence or an edge holding one is the seller's own.
    const kept = analysis.hits.filter((h) => h.field === f.field && !apart.has(h) && !mayBeAdded(h, analysis, offer));
    for (const [i, { start, end }] of f.sentences.entries()) {
      if (kept.some((h) => h.cstart < end && h.cend > start)) continue;
      const [from, to] = originalRange(f.normalized, start, end);
      const inside = analysis.hits.filter((h) => h.field === f.field && h.cstart < end && h.cend > start);
      const edgeSentence = f.field === 'description' && f.sentences.length > 1 && (i === 0 || i === f.sentences.length - 1);
      droppable.push({ field: f.field, from, to, cover: inside.some(isBorrowedCover), edgeSentence });
    }
    if (titleOnly) {
      // A title's edges are measured from what names the product and its terms: a selling word (拍下) or an
      // ambiguous one may be the added sentence's own.
      const naming = kept.filter((h) => (h.pattern !== null && h.pattern !== 'count') || (h.entry?.kind === 'term' && !h.entry.needsSignal));
      edges.push(...addedEdges(f, naming.length > 0 ? naming : kept, wordBreakBefore, false));
    } else if (f.field === 'description') {
      for (const cut of addedEdges(f, kept, sentenceStartsAt, true)) {
        const inside = analysis.hits.filter((h) => h.field === f.field && h.cstart < cut.end && h.cend > cut.start);
        runOns.push({ ...cut, cover: inside.some(isBorrowedCover) });
      }
    }
  }
  const without = (drop: readonly Cut[]): ListingFields => {
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
  const variant = (drop: readonly Cut[]): WithoutAdded => ({
    listing: without(drop),
    atThreshold: drop.every((d) => d.cover && d.field !== 'title'),
    edgeSentence: drop.length === 1 && drop[0]!.edgeSentence === true,
  });
  const variants: WithoutAdded[] = [];
  if (!named) return edgeSentencesOnly(droppable, sentences, without);
  // Something must be left to read: a listing all of whose sentences could have been added is not padded.
  const cuts = droppable.length < sentences ? [...droppable, ...runOns] : runOns;
  if (cuts.length > 0) {
    if (cuts.length > 1) variants.push(...cuts.slice(0, MAX_TRIED).map((d) => variant([d])));
    variants.push(variant(cuts));
  }
  for (const edge of edges) variants.push({ listing: without([edge]), atThreshold: titleOnly, edgeSentence: false });
  return variants;
}

export interface WithoutAdded {
  readonly listing: ListingFields;
  /**
   * The variant need only reach the threshold, not the 0.95 floor: what was left out is what a seller adds
   * to disarm an offer, not the listing's own ordinary text whose absence the floor guards against. That is
   * sentences beyond the title each holding a borrowed cover (bedding, a card holder, a résumé template):
   * on the tuning proxy (writers left out in five groups, dev attacks) cover flips 8.5 → 8.3%, no more hard
   * negatives flagged (48 of 2,891). And the run-on edge of a title read alone, the only field: a title
   * names the product and its selling words, and a sentence run on after them holding nothing of the offer
   * is added (proxy with two training seeds: cover flips 7.3 → 6.8% and 6.7 → 6.5%, one more false
   * positive in each, 52 → 53 and 87 → 88).
   */
  readonly atThreshold: boolean;
  /**
   * The variant leaves out one sentence, the first or last of a description of several: where a seller
   * adds a line, and where a benign listing seldom says what it is alone. It needs a lower floor than the
   * rest (classify.ts).
   */
  readonly edgeSentence: boolean;
}

/**
 * The variants of a listing sold in words no rule names (its product is new jargon the model reads, its
 * sale the rules do): each first or last sentence of a description of several left out alone, at the
 * edge floor, never a title's words nor several sentences at once. A cover put before or after such an
 * offer took it under the threshold, and nothing was tried without it. On the tuning proxy (writers
 * left out in five groups, their training split, dev attacks) cover flips 4.2 → 3.8% (121 → 108),
 * false positives 67 → 68; with a title's tail cut too, or every cut a named offer gets, cover flips
 * 3.7% and 3.3% but false positives 71 and 80 (shop titles whose tail was their own words).
 */
function edgeSentencesOnly(droppable: readonly Cut[], sentences: number, without: (drop: readonly Cut[]) => ListingFields): WithoutAdded[] {
  if (droppable.length >= sentences) return [];
  return droppable.filter((d) => d.edgeSentence).map((d) => ({ listing: without([d]), atThreshold: false, edgeSentence: true }));
}

/** A borrowed cover (bedding, a card holder, a résumé template) not denied. */
function isBorrowedCover(h: RuleHit): boolean {
  return !h.negated && h.entry?.kind === 'context' && h.entry.role === 'cover';
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

/**
 * A warning, help or quote frame, consent, a question, or an offer mostly in quotation marks: the listing
 * talks about the trade. Contexts in `apart` (a sentence of their own at a field's edge, see contextsApart) frame nothing.
 */
export function framesTheOffer(analysis: ListingAnalysis, offer: Offer, apart?: ReadonlySet<RuleHit>): boolean {
  let quoted = 0;
  let reasons = 0;
  for (const h of analysis.hits) {
    if (h.negated || apart?.has(h)) continue;
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

/**
 * The context words (a warning, a lost wallet, consent, a research use) of a field's first or last
 * sentence that holds nothing else but offer parts: what a seller appends or puts first to disarm an
 * offer ("report illegal leads to the police", "all subjects consented"). A warning that is the
 * listing's own names what it warns of in the same sentence, or sits between the sentences it frames.
 * On the tuning proxy (five groups, dev attacks) reading these as added took cover flips 7.7 → 7.2%
 * and flagged no more listings (55 false positives either way). A sentence run on at the end of a title
 * after a space counts as its last (titleTailContexts): cover flips 6.4 → 6.1%, false positives 54 either way.
 */
function contextsApart(analysis: ListingAnalysis): Set<RuleHit> {
  const apart = new Set<RuleHit>();
  for (const f of analysis.fields) {
    for (const h of titleTailContexts(analysis, f)) apart.add(h);
    const last = f.sentences.length - 1;
    if (last < 1) continue;
    for (const s of [f.sentences[0]!, f.sentences[last]!]) {
      const inside = analysis.hits.filter((h) => h.field === f.field && h.cstart < s.end && h.cend > s.start);
      if (inside.every(isContextWord)) for (const h of inside) if (h.entry?.kind === 'context') apart.add(h);
    }
  }
  return apart;
}
