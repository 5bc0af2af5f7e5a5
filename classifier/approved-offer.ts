import type { Evidence } from '../contracts/index.js';
import { hitEvidence, perPeriod, talksAboutTheTrade } from './concrete-offer.js';
import type { ListingAnalysis, RuleHit } from './rules/analyze.js';
import { namesTheTrade, type Offer } from './rules/offer.js';
import { describesPeople } from './rules/people-described.js';

/**
 * An offer named by a term an investigator approved (lexicon/overlay.ts), beside a trade signal that
 * says how it is sold: a price per unit, a quantity, bulk words, an off-platform contact. The model has
 * no weight for an approved term (it was trained before the term existed), so only its category's
 * features carry it, and those were learned on the shipped ambiguous terms, which hard negatives hold
 * as often as offers: beside a signal it lands in the review band. The investigator's approval is the
 * evidence the model lacks: such a listing is flagged, with the approved term and the signal as its
 * reasons (classify.ts), unless the rules read it as talk about the trade (the same refusals as the
 * concrete-offer floor: a negated part, a frame, a question, a cover that is the listing's product).
 */
export interface ApprovedOffer {
  /** The approved term that names the product. */
  readonly product: RuleHit;
  /** The signal beside it: a price per unit, a quantity or bulk word, an off-platform contact. */
  readonly signal: RuleHit;
}

// Trade signals that say what is sold and how: not a bare sale word (出售, "selling"), which a shop's
// own goods carry as often, nor a guarantee or payment word.
const CONCRETE_SIGNALS: ReadonlySet<string> = new Set(['bulk', 'contact']);

function concreteSignal(analysis: ListingAnalysis, h: RuleHit): boolean {
  if (h.negated || h.quoted) return false;
  if (h.pattern === 'unit-price') return !perPeriod(analysis, h);
  if (h.pattern === 'bulk-quantity' || h.pattern === 'contact-id') return true;
  return h.entry?.kind === 'signal' && CONCRETE_SIGNALS.has(h.entry.id);
}

export function approvedTermOffer(analysis: ListingAnalysis, offer: Offer): ApprovedOffer | null {
  if (!offer.structures.has('concrete')) return null;
  const hits = analysis.hits;
  const approved = hits.filter((h) => !h.negated && !h.quoted && h.entry?.kind === 'term' && h.entry.approved !== undefined && h.entry.category !== null);
  if (approved.length === 0) return null;
  if (talksAboutTheTrade(analysis, offer)) return null;
  const signal = hits.find((h) => concreteSignal(analysis, h));
  if (!signal || !(namesTheTrade(hits) || describesPeople(analysis))) return null;
  // The approved term nearest the signal names what it prices.
  const product = approved.find((h) => h.field === signal.field) ?? approved[0]!;
  return { product, signal };
}

/** The spans that raised the score, first in the evidence. */
export function approvedOfferEvidence(analysis: ListingAnalysis, floor: ApprovedOffer): Evidence[] {
  const span = (h: RuleHit, reason: string): Evidence => hitEvidence(analysis, h, reason);
  const e = floor.product.entry!;
  return [
    span(floor.product, `approved offer (not negated, not framed as talk about the trade): the product, approved term ${e.approved} for ${e.category}`),
    span(floor.signal, 'approved offer: the trade signal beside it'),
  ];
}
