import type { ListingAnalysis, RuleHit } from './analyze.js';
import type { Offer } from './offer.js';

/**
 * Covers: contexts a seller borrows to disarm a concrete offer (document and face, a bundle, a kit or
 * a faked face check, with sale terms). Beside a concrete offer a context counts only when it frames
 * the whole text: a borrowed product (bedding, a résumé template, a memorial video…) never; a warning
 * or help frame only with two or more of its words (one is a seller's aside); consent not when the
 * listing also says it has none.
 */
export function isOverruledContext(hit: RuleHit, analysis: ListingAnalysis, offer: Offer): boolean {
  const e = hit.entry;
  if (e?.kind !== 'context' || hit.negated || !offer.structures.has('concrete')) return false;
  if (e.role === 'product' && e.id !== 'consent') return false;
  if (e.role === 'cover') return true;
  if (e.role === 'frame') return distinctForms(analysis, hit) < 2;
  return e.id === 'consent' && offer.parts.has('no-consent');
}

/** How many different words of a hit's context entry the listing uses (案例 twice is one). */
export function distinctForms(analysis: ListingAnalysis, hit: RuleHit): number {
  const forms = new Set<string>();
  for (const h of analysis.hits) {
    if (h.entry !== hit.entry || h.negated) continue;
    const original = analysis.fields.find((f) => f.field === h.field)!.normalized.original;
    forms.add(original.slice(h.start, h.end).toLowerCase());
    if (forms.size >= 2) break;
  }
  return forms.size;
}

// Parts that name the product itself; a sentence with one of them is part of the offer, not a cover.
const PRODUCT_PARTS = new Set([
  'document',
  'face',
  'media',
  'together',
  'motion',
  'animate',
  'spoof',
  'stand-in',
  'bank-card',
  'phone-card',
  'account',
  'personal-info',
]);

/** A hit that names what is sold: a coded term, a product part, or a price or quantity pattern. */
export function namesProduct(h: RuleHit): boolean {
  return (
    !h.negated && (h.entry?.kind === 'term' || (h.pattern !== null && h.pattern !== 'count') || (h.entry?.kind === 'part' && PRODUCT_PARTS.has(h.entry.part!)))
  );
}

/**
 * Whether the hits of one sentence make it a cover beside a concrete offer: an overruled context and
 * nothing of the offer (no coded term, product part or price pattern). Its words are left out of the
 * model's reading, so a borrowed sentence cannot lower the score through its n-grams either.
 */
export function isCoverSentence(sentenceHits: readonly RuleHit[], analysis: ListingAnalysis, offer: Offer): boolean {
  if (!sentenceHits.some((h) => isOverruledContext(h, analysis, offer))) return false;
  return !sentenceHits.some(namesProduct);
}
