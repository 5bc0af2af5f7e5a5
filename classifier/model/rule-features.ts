import { CATEGORIES, type Category } from '../../contracts/index.js';
import { isTradeSignal, type ListingAnalysis, type RuleHit } from '../rules/analyze.js';
import { isOverruledContext } from '../rules/covers.js';
import { PRODUCT_STRUCTURES, STRUCTURES, type Offer } from '../rules/offer.js';
import { continueHash } from './hashing.js';
import type { VectorBuilder } from './vector-builder.js';

/**
 * What the rules found, as named features: coded terms, trade signals, contexts, and the offer's
 * structure, with the combinations that matter (a term beside a trade signal, a concrete offer beside a
 * cover). Their values do not depend on the length of the text, so padding cannot dilute them.
 */
export function ruleFeatures(analysis: ListingAnalysis, offer: Offer, b: VectorBuilder): void {
  const live: RuleHit[] = [];
  for (const h of analysis.hits) if (!h.negated && !isOverruledContext(h, analysis, offer)) live.push(h);
  const hasSignal = live.some(isTradeSignal);
  // The collections below are the module's, emptied for each listing (made anew, they were most of this
  // function's time and of the garbage it left; it runs once per scoring and is never re-entered).
  const { signalKinds, contextForms, strong, weak, counted, obfuscated, inTitle, terms, disguises } = scratch;
  emptied(signalKinds);
  // Distinct forms per context kind: one "小心" may be a seller's aside, three warning words are a warning.
  emptied(contextForms);
  let contextWeight = 0;
  emptied(strong);
  emptied(weak);
  // Each term counts once however often it is repeated: repetition is padding, not evidence.
  emptied(counted);
  emptied(obfuscated);
  emptied(inTitle);
  emptied(terms);
  // Disguised spellings counted once each, like terms: the same disguise repeated is padding.
  emptied(disguises);

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
      forms.add(wordsOf(analysis, hit).toLowerCase());
    } else if (e?.kind === 'term' && e.category !== null) {
      // An approved word the listing does not corroborate (offer.ts) counts only beside a signal word, as
      // a shipped one does: alone in a title it flagged a tape measure once "flip tapes" was approved.
      if (e.approved !== undefined && e.needsSignal && !offer.ambiguousCount && !hasSignal) continue;
      const cat = e.category;
      const bucket = e.needsSignal ? weak : strong;
      if (!counted.has(e.id)) bucket.set(cat, (bucket.get(cat) ?? 0) + e.weight);
      counted.add(e.id);
      // An approved term (lexicon/overlay.ts) has no learned weight of its own: its category's features carry it.
      if (e.approved === undefined) terms.add(e.id);
      if (hit.field === 'title') inTitle.add(cat);
      if (hit.obfuscated && !disguises.has(disguiseKey(analysis, hit))) obfuscated.set(cat, (obfuscated.get(cat) ?? 0) + 1);
    }
    if (hit.obfuscated && e?.kind !== 'part') disguises.add(disguiseKey(analysis, hit));
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
  let reasons = 0;
  let quotedReasons = 0;
  for (const h of live) {
    if (h.entry?.kind !== 'term' && h.entry?.kind !== 'part' && !isTradeSignal(h)) continue;
    reasons++;
    if (h.quoted) quotedReasons++;
  }
  const quoted = reasons ? quotedReasons / reasons : 0;
  // Questions are talk about the trade ("is this legal?", 係咪人頭戶口？), offers rarely ask.
  let asks = 0;
  for (const f of analysis.fields) asks += questionMarks(f.normalized.base);
  b.named('quoted', quoted);
  const indicators = scratch.indicators;
  indicators.length = 0;
  if (quoted >= 0.5) indicators.push('quoted');
  for (const p of offer.parts) indicators.push(nameOf('part:', p));
  for (const s of offer.structures) indicators.push(nameOf('struct:', s));
  for (const c of contextForms.keys()) indicators.push(nameOf('ctx:', c));
  for (const s of signalKinds) indicators.push(s);
  for (const c of strong.keys()) indicators.push(nameOf('strong:', c));
  for (const c of weak.keys()) indicators.push(nameOf('weak:', c));
  if (evasions > 0) indicators.push('evasion');
  if (asks > 0) indicators.push('asks');
  if (analysis.hits.some((h) => h.negated && h.entry?.kind === 'context')) indicators.push('denies-context');
  pairFeatures(b, indicators);
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

const scratch = {
  signalKinds: new Set<string>(),
  contextForms: new Map<string, Set<string>>(),
  strong: new Map<Category, number>(),
  weak: new Map<Category, number>(),
  counted: new Set<string>(),
  obfuscated: new Map<Category, number>(),
  inTitle: new Set<Category>(),
  terms: new Set<string>(),
  disguises: new Set<string>(),
  indicators: [] as string[],
  ids: new Int32Array(64),
};

/** Empties a collection; clear() makes a new table even for an empty one, and most stay empty. */
function emptied(c: { readonly size: number; clear(): void }): void {
  if (c.size > 0) c.clear();
}

/** A hit's words as the seller wrote them. */
function wordsOf(analysis: ListingAnalysis, hit: RuleHit): string {
  for (const f of analysis.fields) if (f.field === hit.field) return f.normalized.original.slice(hit.start, hit.end);
  throw new Error(`no field ${hit.field} in the analysis`);
}

/** One disguise: the entry and the words as the seller wrote them. */
const disguiseKey = (analysis: ListingAnalysis, hit: RuleHit) => `${hit.entry?.id ?? hit.pattern}|${wordsOf(analysis, hit)}`;

/**
 * Every pair of the listing's findings (a part with a context, a structure with a signal…): a linear
 * model weighs each finding alone, and these let it weigh them together (faces + many + no consent is a
 * bundle; a document + a warning is talk). Scaled so a listing with many findings does not outweigh
 * its other features.
 */
function pairFeatures(b: VectorBuilder, indicators: string[]): void {
  // Sorted with a comparator: the same code-unit order as sort() without one, which converted and
  // compared every pair through the generic path. Then each name once, as a set would keep it.
  indicators.sort(byCodeUnits);
  let n = 0;
  for (let i = 0; i < indicators.length; i++) if (n === 0 || indicators[i] !== indicators[n - 1]) indicators[n++] = indicators[i]!;
  indicators.length = n;
  const v = 1 / Math.sqrt(Math.max(n, 1));
  const ids = scratch.ids.length >= n ? scratch.ids : (scratch.ids = new Int32Array(n * 2));
  for (let i = 0; i < n; i++) ids[i] = indicatorId(indicators[i]!);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) b.add(pairHash(b, indicators[i]!, ids[i]!, indicators[j]!, ids[j]!), v);
  }
}

// The hash of each pair of findings, `${first}&${second}` as named() hashes it, kept in a table by the
// names' numbers: the names are the lexicon's and the rules' ids, a bounded set, and hashing every
// pair's names anew was most of this file's time (a listing with 15 findings has 105 pairs).
const MAX_PAIRED_IDS = 512;
const indicatorIds = new Map<string, number>();
const pairHashes = new Float64Array(MAX_PAIRED_IDS * MAX_PAIRED_IDS).fill(-1);

function indicatorId(name: string): number {
  let id = indicatorIds.get(name);
  if (id === undefined) indicatorIds.set(name, (id = indicatorIds.size));
  return id;
}

function pairHash(b: VectorBuilder, first: string, firstId: number, second: string, secondId: number): number {
  // Past the table (only with thousands of distinct findings) a pair is hashed each time.
  if (firstId >= MAX_PAIRED_IDS || secondId >= MAX_PAIRED_IDS) return continueHash(pairPrefixHash(b, first), second);
  const slot = firstId * MAX_PAIRED_IDS + secondId;
  let h = pairHashes[slot]!;
  if (h < 0) pairHashes[slot] = h = continueHash(pairPrefixHash(b, first), second);
  return h;
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
    const struct = structHash(b, s);
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
  if (analysis.hits.some((h) => h.negated && h.entry?.kind === 'context')) b.named('negated:context');
  if (analysis.hits.some((h) => h.negated && h.entry?.part === 'sale')) b.named('negated:sale');
}

// Hashes of `struct:${s}` by structure, hashed once (a handful of names).
const structHashes = new Map<string, number>();
function structHash(b: VectorBuilder, s: string): number {
  let h = structHashes.get(s);
  if (h === undefined) structHashes.set(s, (h = b.prefixHash(`struct:${s}`)));
  return h;
}
