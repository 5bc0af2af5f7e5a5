import { cut } from 'jieba-wasm';
import { CATEGORIES, type Category } from '../../contracts/index.js';
import { isHanCode, isLatinOrDigitCode } from '../normalize/char-fold.js';
import { isTradeSignal, type ListingAnalysis } from '../rules/analyze.js';
import { hashRange, hashString, SEEDS } from './hashing.js';
import { stemWord } from './stem.js';

/** A sparse feature vector: bucket indices with values (a bucket may repeat; values add up). */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

export interface FeatureOptions {
  /** log2 of the number of hash buckets. */
  readonly bits: number;
  /** Length of the n-gram and word block (it is scaled to this norm); rule features keep their values. */
  readonly textScale: number;
}


class VectorBuilder {
  readonly index: number[] = [];
  readonly value: number[] = [];
  constructor(private readonly mask: number) {}
  add(hash: number, v: number): void {
    this.index.push(hash & this.mask);
    this.value.push(v);
  }
  named(name: string, v = 1): void {
    if (v !== 0) this.add(hashString(name, SEEDS.named), v);
  }
  scale(from: number, factor: number): void {
    for (let i = from; i < this.value.length; i++) this.value[i]! *= factor;
  }
  build(): SparseVector {
    return { index: Int32Array.from(this.index), value: Float32Array.from(this.value) };
  }
}

export function extractFeatures(analysis: ListingAnalysis, options: FeatureOptions): SparseVector {
  const b = new VectorBuilder((1 << options.bits) - 1);
  b.named('bias');
  textFeatures(analysis, b, options.textScale);
  ruleFeatures(analysis, b);
  return b.build();
}

/** Character 1–3-grams of Chinese, 2–3-grams of Latin, and words: the model's view of wording. */
function textFeatures(analysis: ListingAnalysis, b: VectorBuilder, norm: number): void {
  const from = b.index.length;
  for (const { normalized } of analysis.fields) {
    const t = normalized.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x20) continue;
      if (isHanCode(c)) b.add(hashRange(t, i, i + 1, SEEDS.char1), 1);
      if (i + 2 <= t.length) b.add(hashRange(t, i, i + 2, SEEDS.char2), 1);
      if (i + 3 <= t.length) b.add(hashRange(t, i, i + 3, SEEDS.char3), 1);
    }
    wordFeatures(t, b);
  }
  const n = b.index.length - from;
  // Long descriptions should not outvote a short title: the text block has unit length.
  if (n > 0) b.scale(from, norm / Math.sqrt(n));
}

function wordFeatures(t: string, b: VectorBuilder): void {
  for (let i = 0; i < t.length; ) {
    const c = t.charCodeAt(i);
    let j = i + 1;
    if (isLatinOrDigitCode(c)) {
      while (j < t.length && isLatinOrDigitCode(t.charCodeAt(j))) j++;
      b.add(hashRange(t, i, j, SEEDS.word), 1);
      const stem = stemWord(t.slice(i, j));
      b.add(hashRange(stem, 0, stem.length, SEEDS.stem), 1);
    } else if (isHanCode(c)) {
      while (j < t.length && isHanCode(t.charCodeAt(j))) j++;
      if (j - i >= 2) for (const w of cut(t.slice(i, j), false)) if (w.length >= 2) b.add(hashRange(w, 0, w.length, SEEDS.word), 1);
    }
    i = j;
  }
}

/** The rules' findings, and the combinations that matter: a coded term beside a trade signal, a term in a warning. */
function ruleFeatures(analysis: ListingAnalysis, b: VectorBuilder): void {
  const hasSignal = analysis.hits.some(isTradeSignal);
  const signalKinds = new Set<string>();
  // Distinct forms per context kind: one "小心" may be a seller's aside, three warning words are a warning.
  const contextForms = new Map<string, Set<string>>();
  let contextWeight = 0;
  const strong = new Map<Category, number>();
  const weak = new Map<Category, number>();
  const obfuscated = new Map<Category, number>();
  const inTitle = new Set<Category>();
  const terms = new Set<string>();
  let evasions = 0;

  for (const hit of analysis.hits) {
    const e = hit.entry;
    if (hit.pattern !== null) signalKinds.add(`p:${hit.pattern}`);
    else if (e?.kind === 'signal') signalKinds.add(`s:${e.id}`);
    else if (e?.kind === 'context') {
      let forms = contextForms.get(e.id);
      if (!forms) {
        contextForms.set(e.id, (forms = new Set()));
        contextWeight += e.weight;
      }
      forms.add(`${hit.start}:${hit.end}`);
    } else if (e?.kind === 'term' && e.category !== null) {
      const cat = e.category;
      const bucket = e.needsSignal ? weak : strong;
      bucket.set(cat, (bucket.get(cat) ?? 0) + e.weight);
      terms.add(e.id);
      if (hit.field === 'title') inTitle.add(cat);
      if (hit.obfuscated) obfuscated.set(cat, (obfuscated.get(cat) ?? 0) + 1);
    }
    if (hit.obfuscated) evasions++;
  }

  for (const id of terms) b.named(`t:${id}`);
  // Sales carry a price; talk about the trade (news, warnings, questions) rarely does.
  if (analysis.fields.some((f) => f.field === 'price')) b.named('price:present');
  for (const s of signalKinds) b.named(s);
  for (const [c, forms] of contextForms) b.named(`ctx:${c}`, Math.min(forms.size, 3));
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
    b.named(`strong:${cat}`, s);
    b.named(`weak:${cat}`, w);
    b.named(`term×signal:${cat}`, hasSignal ? effective * Math.min(nSignals, 3) / 2 : 0);
    b.named(`term×context:${cat}`, contextWeight > 0 ? effective : 0);
    b.named(`term×nosignal:${cat}`, hasSignal ? 0 : effective);
    b.named(`term×warning:${cat}`, (s + w) * warnings);
    b.named(`evasion:${cat}`, Math.min(obfuscated.get(cat) ?? 0, 3));
    if (inTitle.has(cat)) b.named(`title:${cat}`);
  }
}
