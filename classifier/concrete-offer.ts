import type { Evidence } from '../contracts/index.js';
import { framesTheOffer } from './added-sentences.js';
import type { NormalizedText } from './normalize/normalize.js';
import type { ListingAnalysis, RuleHit } from './rules/analyze.js';
import { clauseBreakBefore } from './rules/clauses.js';
import { namesItsProduct, type Offer } from './rules/offer.js';

/**
 * A concrete offer the rules read plainly, which no wording may cancel: the product named by a coded
 * term, sold at concrete terms (a price per unit, or a contact off the platform), in bulk, nothing
 * negated, and the listing not framed as talk about the trade. The model learns to discount the
 * trade's own words because news and warnings quote them ("五毛一张"); the rules can tell the quote
 * from the offer by what frames it, so such a listing is flagged whatever its n-grams (classify.ts).
 */
export interface ConcreteOffer {
  /** The coded term that names the product. */
  readonly product: RuleHit;
  /** The unit price or the contact. */
  readonly terms: RuleHit;
  /** What says it is sold in bulk (打包, 两万套, 5000 photos). */
  readonly bulk: RuleHit;
}

/**
 * None unless every part is there. What refuses it:
 * - a negated part or signal anywhere ("不卖手持身份证照", "never sell your selfie with ID"): coded terms
 *   and prices are never negated themselves (analyze.ts), so this is how a denial shows;
 * - any context that is not a cover: a warning, help, quote or lost-and-found frame even with one word
 *   (a report needs one 记者, a notice one 警方), consent, a borrowed product; an offer quoted or asked
 *   about (framesTheOffer);
 * - a cover that is the listing's own product: a cover word in a clause that names the product or its
 *   price (a studio's 报名照 at 5元一张), or in a title whose offer is not in another clause of it
 *   (人脸识别门禁一体机). A cover in a clause of its own ([Studio], a bedding line) is what a seller adds;
 * - a price per period or weight (9.9元/年, $120/kg): a subscription or goods, not units of a product.
 * Bulk is required because without it services that price one person's photo (a caricature "$35 per
 * face") and reports the frame words miss (a documentary, a slang dictionary) pass every other test: on
 * the training split of the writers left out in turn (groups of 5), the floor without bulk caught 4 more
 * positives and flagged 6 more hard negatives than with it; with it, 4 positives and no hard negative.
 */
export function cleanConcreteOffer(analysis: ListingAnalysis, offer: Offer): ConcreteOffer | null {
  if (!offer.structures.has('concrete') || talksAboutTheTrade(analysis, offer)) return null;
  const hits = analysis.hits;
  const terms = hits.find((h) => !h.quoted && (h.pattern === 'contact-id' || (h.pattern === 'unit-price' && !perPeriod(analysis, h))));
  if (!terms) return null;
  // The sale terms are a trade signal, so an approved term that needs one names the product here as it does in the offer (rules/offer.ts).
  const coded = hits.filter((h) => !h.quoted && h.entry?.kind === 'term' && h.entry.category !== null && namesItsProduct(h.entry, true));
  // The term nearest the terms names what they price (the title may carry another of the seller's words).
  const product = coded.find((h) => h.field === terms.field) ?? coded[0];
  const bulk = hits.find(
    (h) => !h.negated && (h.pattern === 'bulk-quantity' || h.pattern === 'count' || (h.entry?.kind === 'signal' && h.entry.id === 'bulk')),
  );
  return product && bulk ? { product, terms, bulk } : null;
}

/**
 * What refuses a floor (this one, and an approved term's: approved-offer.ts) whatever the offer's parts:
 * a negated part or signal, any context that is not a cover, an offer quoted or asked about, a cover
 * that is the listing's own product (see cleanConcreteOffer).
 */
export function talksAboutTheTrade(analysis: ListingAnalysis, offer: Offer): boolean {
  const hits = analysis.hits;
  if (hits.some((h) => h.negated && h.entry?.kind !== 'context')) return true;
  // A negated consent is the lack of it (未授权), a negated cover a denial (非床品); a frame word is a frame either way.
  if (hits.some((h) => h.entry?.kind === 'context' && h.entry.role !== 'cover' && (!h.negated || h.entry.role === 'frame'))) return true;
  return framesTheOffer(analysis, offer) || coverIsTheProduct(analysis);
}

/** A hit as evidence, with the reason it raised the score. */
export const hitEvidence = (analysis: ListingAnalysis, h: RuleHit, reason: string): Evidence => ({
  field: h.field,
  start: h.start,
  end: h.end,
  text: originalOf(analysis, h).slice(h.start, h.end),
  reason,
});

/** The spans that raised the score, first in the evidence, each saying which part of the offer it is. */
export function floorEvidence(analysis: ListingAnalysis, floor: ConcreteOffer): Evidence[] {
  const span = (h: RuleHit, reason: string): Evidence => hitEvidence(analysis, h, reason);
  const terms = floor.terms.pattern === 'contact-id' ? 'an off-platform contact' : 'a price per unit';
  return [
    span(floor.product, `concrete offer (not negated, not framed as talk about the trade): the product, a coded term for ${floor.product.entry!.category}`),
    span(floor.terms, `concrete offer: sale terms, ${terms}`),
    span(floor.bulk, 'concrete offer: sold in bulk'),
  ];
}

/** Whether an evidence span is this hit's. */
export const sameSpan = (e: Evidence, h: RuleHit): boolean => e.field === h.field && e.start === h.start && e.end === h.end;

const originalOf = (analysis: ListingAnalysis, h: RuleHit): string => analysis.fields.find((f) => f.field === h.field)!.normalized.original;

// What follows the per-unit mark: a period or a weight, not a unit of the product.
const PERIOD = /^(?:\/|per\s+|每|一)\s*(?:(?:months?|mo|years?|yr|weeks?|days?|nights?|hours?|hrs?|kg|lbs?)\b|年|月|周|天|日|晚|小时|公斤|斤|场|場)/i;

/** A unit price per month, year, night or kilo (the pattern takes "$120/" whatever follows the slash). */
export function perPeriod(analysis: ListingAnalysis, h: RuleHit): boolean {
  const rest = originalOf(analysis, h).slice(h.start, h.end + 12);
  const at = rest.search(/\/|per\s|每|一/);
  return at >= 0 && PERIOD.test(rest.slice(at));
}

/** A hit that makes the offer itself: a coded term that names its product (alone, or approved and beside the sale terms), or a price, quantity or contact pattern. */
const ofTheOffer = (h: RuleHit): boolean =>
  !h.negated && ((h.entry?.kind === 'term' && namesItsProduct(h.entry, true)) || (h.pattern !== null && h.pattern !== 'count'));

/** A cover word that describes the listing's own product rather than a line added beside the offer (see cleanConcreteOffer). */
function coverIsTheProduct(analysis: ListingAnalysis): boolean {
  for (const h of analysis.hits) {
    if (h.negated || h.entry?.kind !== 'context' || h.entry.role !== 'cover') continue;
    const clause = clauseAround(analysis.fields.find((f) => f.field === h.field)!.normalized, h.cstart);
    const inClause = (o: RuleHit) => o.field === h.field && o.cstart >= clause.start && o.cstart < clause.end;
    if (analysis.hits.some((o) => inClause(o) && ofTheOffer(o))) return true;
    if (h.field === 'title' && !analysis.hits.some((o) => o.field === 'title' && !inClause(o) && ofTheOffer(o))) return true;
  }
  return false;
}

/** The compact range of the clause around compact position `at`: between the clause breaks (a comma, a bracket, a full stop…) either side. */
function clauseAround(nt: NormalizedText, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !clauseBreakBefore(nt, start)) start--;
  let end = at + 1;
  while (end < nt.text.length && !clauseBreakBefore(nt, end)) end++;
  return { start, end };
}
