import { CATEGORIES, type Category } from '../../contracts/index.js';
import { isTradeSignal, type ListingAnalysis, type RuleHit } from '../rules/analyze.js';
import { isOverruledContext } from '../rules/covers.js';
import { PRODUCT_STRUCTURES, STRUCTURES, type Offer } from '../rules/offer.js';
import type { VectorBuilder } from './vector-builder.js';

/**
 * What the rules found, as named features: coded terms, trade signals, contexts, and the offer's
 * structure, with the combinations that matter (a term beside a trade signal, a concrete offer beside a
 * cover). Their values do not depend on the length of the text, so padding cannot dilute them.
 */
export function ruleFeatures(analysis: ListingAnalysis, offer: Offer, b: VectorBuilder): void {
  const live = analysis.hits.filter((h) => !h.negated && !isOverruledContext(h, analysis, offer));
  const texts = new Map(analysis.fields.map((f) => [f.field, f.normalized.original]));
  const hasSignal = live.some(isTradeSignal);
  const signalKinds = new Set<string>();
  // Distinct forms per context kind: one "小心" may be a seller's aside, three warning words are a warning.
  const contextForms = new Map<string, Set<string>>();
  let contextWeight = 0;
  const strong = new Map<Category, number>();
  const weak = new Map<Category, number>();
  // Each term counts once however often it is repeated: repetition is padding, not evidence.
  const counted = new Set<string>();
  const obfuscated = new Map<Category, number>();
  const inTitle = new Set<Category>();
  const terms = new Set<string>();
  // Disguised spellings counted once each, like terms: the same disguise repeated is padding.
  const disguises = new Set<string>();

  // One disguise: the entry and the words as the seller wrote them.
  const disguiseKey = (hit: RuleHit) => `${hit.entry?.id ?? hit.pattern}|${texts.get(hit.field)!.slice(hit.start, hit.end)}`;
  for (const hit of live) {
    const e = hit.entry;
    if (hit.pattern !== null) signalKinds.add(nameOf('p:', hit.pattern));
    else if (e?.kind === 'signal') signalKinds.add(nameOf('s:', e.id));
    else if (e?.kind === 'context') {
      let forms = contextForms.get(e.id);
      if (!forms) {
        contextForms.set(e.id, (forms = new Set()));
        contextWeight += e.weight;
      }
      forms.add(texts.get(hit.field)!.slice(hit.start, hit.end).toLowerCase());
    } else if (e?.kind === 'term' && e.category !== null) {
      const cat = e.category;
      const bucket = e.needsSignal ? weak : strong;
      if (!counted.has(e.id)) bucket.set(cat, (bucket.get(cat) ?? 0) + e.weight);
      counted.add(e.id);
      // An approved term (lexicon/overlay.ts) has no learned weight of its own: its category's features carry it.
      if (e.approved === undefined) terms.add(e.id);
      if (hit.field === 'title') inTitle.add(cat);
      if (hit.obfuscated && !disguises.has(disguiseKey(hit))) obfuscated.set(cat, (obfuscated.get(cat) ?? 0) + 1);
    }
    if (hit.obfuscated && e?.kind !== 'part') disguises.add(disguiseKey(hit));
  }
  const evasions = disguises.size;

  for (const id of terms) b.namedWith('t:', id);
  // Nothing the rules know: tiny or unrelated texts ("x", "hi", a kitchen appliance) lean benign, whatever their n-grams.
  if (!live.some((h) => h.entry?.kind === 'term' || h.entry?.kind === 'part' || isTradeSignal(h))) b.named('no-rule-hits');
  // Sales carry a price; talk about the trade (news, warnings, questions) rarely does.
  if (analysis.fields.some((f) => f.field === 'price')) b.named('price:present');
  for (const s of signalKinds) b.named(s);
  for (const [c, forms] of contextForms) b.namedWith('ctx:', c, Math.min(forms.size, 3));
  const warnings = Math.min(contextForms.get('warning')?.size ?? 0, 3);
  const nSignals = signalKinds.size;
  b.named('signals', Math.min(nSignals, 4) / 2);
  b.named('context', Math.min(contextWeight, 9) / 3);
  b.named('evasion', Math.min(evasions, 4) / 2);
  if (evasions > 0 && hasSignal) b.named('evasion×signal');

  for (const cat of CATEGORIES) {
    const s = Math.min(strong.get(cat) ?? 0, 9) / 3;
    const w = Math.min(weak.get(cat) ?? 0, 6) / 3;
    const effective = s + (hasSignal ? w : 0);
    if (s === 0 && w === 0) continue;
    b.namedWith('strong:', cat, s);
    b.namedWith('weak:', cat, w);
    b.namedWith('term×signal:', cat, hasSignal ? (effective * Math.min(nSignals, 3)) / 2 : 0);
    b.namedWith('term×context:', cat, contextWeight > 0 ? effective : 0);
    b.namedWith('term×nosignal:', cat, hasSignal ? 0 : effective);
    b.namedWith('term×warning:', cat, (s + w) * warnings);
    b.namedWith('evasion:', cat, Math.min(obfuscated.get(cat) ?? 0, 3));
    if (inTitle.has(cat)) b.namedWith('title:', cat);
  }
  offerFeatures(analysis, offer, b, contextWeight > 0, warnings);
  // Offers inside quotation marks are quoted: by a report, a warning, a glossary.
  const reasons = live.filter((h) => h.entry?.kind === 'term' || h.entry?.kind === 'part' || isTradeSignal(h));
  const quoted = reasons.length ? reasons.filter((h) => h.quoted).length / reasons.length : 0;
  // Questions are talk about the trade ("is this legal?", 係咪人頭戶口？), offers rarely ask.
  const asks = analysis.fields.reduce((n, f) => n + questionMarks(f.normalized.base), 0);
  b.named('quoted', quoted);
  pairFeatures(b, [
    ...(quoted >= 0.5 ? ['quoted'] : []),
    ...[...offer.parts].map((p) => nameOf('part:', p)),
    ...[...offer.structures].map((s) => nameOf('struct:', s)),
    ...[...contextForms.keys()].map((c) => nameOf('ctx:', c)),
    ...signalKinds,
    ...[...strong.keys()].map((c) => nameOf('strong:', c)),
    ...[...weak.keys()].map((c) => nameOf('weak:', c)),
    ...(evasions > 0 ? ['evasion'] : []),
    ...(asks > 0 ? ['asks'] : []),
    ...(analysis.hits.some((h) => h.negated && h.entry?.kind === 'context') ? ['denies-context'] : []),
  ]);
  // A concrete offer no discussion frames (no counted warning or help words, no question): what a sale
  // looks like, whatever its words. Learned apart from a concrete offer inside talk about the trade.
  if (offer.structures.has('concrete')) {
    const framed = live.some((h) => h.entry?.kind === 'context' && h.entry.role === 'frame');
    const name = framed ? 'framed' : asks > 0 ? 'asked' : 'clean';
    b.named(`offer:${name}`);
    for (const s of PRODUCT_STRUCTURES) if (offer.structures.has(s)) b.namedWith(`offer:${name}:`, s);
  }
  b.named('questions', Math.min(asks, 3) / 3);
  if (analysis.fields.some((f) => f.field === 'title' && f.normalized.base.includes('?'))) b.named('title-question');
}

/**
 * Every pair of the listing's findings (a part with a context, a structure with a signal…): a linear
 * model weighs each finding alone, and these let it weigh them together (faces + many + no consent is a
 * bundle; a document + a warning is talk). Scaled so a listing with many findings does not outweigh
 * its other features.
 */
function pairFeatures(b: VectorBuilder, indicators: readonly string[]): void {
  // Sorted with a comparator: the same code-unit order as sort() without one, which converted and
  // compared every pair through the generic path (this line was most of the function's time).
  const names = [...new Set(indicators)].sort(byCodeUnits);
  const v = 1 / Math.sqrt(Math.max(names.length, 1));
  for (let i = 0; i < names.length; i++) {
    const first = pairPrefixHash(b, names[i]!);
    for (let j = i + 1; j < names.length; j++) b.namedFrom(first, names[j]!, v);
  }
}

/** How many "?" a text holds, counted without an array of matches. */
function questionMarks(text: string): number {
  let n = 0;
  for (let at = text.indexOf('?'); at >= 0; at = text.indexOf('?', at + 1)) n++;
  return n;
}

/**
 * `${prefix}${key}`, the same string each time: the findings' names are the lexicon's and the rules' ids
 * (a bounded set), and a name built anew per listing was hashed again by the set and flattened again by
 * the sort of pairFeatures.
 */
const indicatorNames = new Map<string, Map<string, string>>();
function nameOf(prefix: string, key: string): string {
  let byKey = indicatorNames.get(prefix);
  if (byKey === undefined) indicatorNames.set(prefix, (byKey = new Map()));
  let name = byKey.get(key);
  if (name === undefined) byKey.set(key, (name = `${prefix}${key}`));
  return name;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Hashes of `${name}&` by indicator name: the names are the lexicon's and the rules' ids, a bounded set.
const pairPrefixes = new Map<string, number>();
function pairPrefixHash(b: VectorBuilder, name: string): number {
  let h = pairPrefixes.get(name);
  if (h === undefined) pairPrefixes.set(name, (h = b.prefixHash(`${name}&`)));
  return h;
}

/** The offer's parts and structures, and how they meet covers, warnings and negation. */
function offerFeatures(analysis: ListingAnalysis, offer: Offer, b: VectorBuilder, hasContext: boolean, warnings: number): void {
  for (const p of offer.parts) b.namedWith('part:', p);
  b.named('parts', Math.min(offer.parts.size, 8) / 4);
  b.named('kit-items', Math.min(offer.kitItems, 5) / 3);
  const sale = offer.structures.has('sale');
  for (const s of STRUCTURES) {
    if (!offer.structures.has(s)) continue;
    b.namedWith('struct:', s);
    if (s === 'sale' || s === 'concrete') continue;
    const struct = b.prefixHash(`struct:${s}`);
    if (sale) b.namedFrom(struct, '×sale');
    if (offer.parts.has('no-consent')) b.namedFrom(struct, '×no-consent');
    if (offer.parts.has('use')) b.namedFrom(struct, '×use');
    if (offer.parts.has('many')) b.namedFrom(struct, '×many');
  }
  if (offer.structures.has('concrete')) {
    // Learned apart from the plain context features, so a cover beside a concrete offer gets its own weight.
    if (hasContext) b.named('concrete×context');
    b.named('concrete×warning', warnings);
  }
  if (offer.parts.has('synthetic') && offer.parts.has('face')) b.named('synthetic×face');
  // What the listing says it is not: a disclaimer is a seller's habit, a context it denies is no context.
  const negated = analysis.hits.filter((h) => h.negated);
  if (negated.some((h) => h.entry?.kind === 'context')) b.named('negated:context');
  if (negated.some((h) => h.entry?.part === 'sale')) b.named('negated:sale');
}
