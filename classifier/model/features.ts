import type { ListingAnalysis } from '../rules/analyze.js';
import { isCoverSentence, namesProduct } from '../rules/covers.js';
import { readOffer, type Offer } from '../rules/offer.js';
import { ruleFeatures } from './rule-features.js';
import { isHanCode, isLatinOrDigitCode } from '../../text/index.js';
import { hashRange, SEEDS } from './hashing.js';
import { VectorBuilder, type SparseVector } from './vector-builder.js';

export { VectorBuilder, type SparseVector };
import { stemWord } from './stem.js';

export interface FeatureOptions {
  /** log2 of the number of hash buckets. */
  readonly bits: number;
  /** Length the block of n-grams and words of the offer's sentences (title, price, sentences naming the product) is scaled to. */
  readonly textScale: number;
  /** Length the block of the other sentences where a rule found something (contexts, signals) is scaled to. */
  readonly contextScale: number;
  /** Length the block of the other sentences is scaled to (smaller: they say less about the offer). */
  readonly backgroundScale: number;
  /** A block with fewer features than this is not scaled up: "x" or "hi" must not weigh like a listing. */
  readonly minTextFeatures: number;
}

export interface Features {
  readonly x: SparseVector;
  readonly offer: Offer;
}

// One builder per hash size, reused: typed arrays are costly to allocate per listing. A vector built for
// prediction is a view of the builder (used before the next listing); training merges it into a copy.
const builders = new Map<number, VectorBuilder>();

export function extractFeatures(analysis: ListingAnalysis, options: FeatureOptions, merge = false): Features {
  let b = builders.get(options.bits);
  if (b === undefined) builders.set(options.bits, (b = new VectorBuilder((1 << options.bits) - 1)));
  b.reset();
  b.named('bias');
  const offer = readOffer(analysis);
  const { offer: offerText, context, background } = segmentsOf(analysis, offer);
  textBlock(offerText, b, options.textScale, options.minTextFeatures, byLength);
  // Beside a concrete offer the wording of the other sentences is not read: whatever frames the offer
  // (a warning, a question, a quote) counts through the rule features, and shop talk or padding around
  // it says nothing about what is sold.
  if (!offer.structures.has('concrete')) {
    textBlock(context, b, options.contextScale, options.minTextFeatures, byMean);
    textBlock(background, b, options.backgroundScale, options.minTextFeatures, byMean);
  }
  ruleFeatures(analysis, offer, b);
  return { x: b.build(merge), offer };
}

/** One sentence of a field, as the compact text the model reads. */
export interface Segment {
  readonly text: string;
  /** Offset of `text` in the field's compact text. */
  readonly offset: number;
  readonly field: string;
}

/**
 * The listing's sentences split by what they hold, each group read as a block of its own fixed length,
 * so text added around an offer cannot dilute it. Offer: the title, the price, and every sentence
 * naming the product (a coded term, a product part, a price pattern). Context: other sentences where a
 * rule found something (a context, a signal word). Background: the rest, which padding (shop
 * boilerplate, lorem ipsum, script text) can only ever add to. A sentence repeated is read once, so
 * repeating a line changes nothing. Beside a concrete offer, a cover sentence (a borrowed context and
 * nothing of the offer) is not read at all (see rules/covers.ts).
 */
export function segmentsOf(analysis: ListingAnalysis, offer: Offer): { offer: Segment[]; context: Segment[]; background: Segment[] } {
  const offerText: Segment[] = [];
  const context: Segment[] = [];
  const background: Segment[] = [];
  const seen = new Set<string>();
  for (const { field, normalized, sentences } of analysis.fields) {
    const hits = analysis.hits.filter((h) => h.field === field);
    for (const { start: s, end: e, noise } of sentences) {
      if (noise) continue;
      const text = normalized.text.slice(s, e);
      const key = text.trim();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const inside = hits.filter((h) => h.cstart < e && h.cend > s);
      if (isCoverSentence(inside, analysis, offer)) continue;
      const segment = { text, offset: s, field };
      if (field !== 'description' || inside.some(namesProduct)) offerText.push(segment);
      else (inside.length > 0 ? context : background).push(segment);
    }
  }
  return { offer: offerText, context, background };
}

/**
 * Character 1–3-grams of Chinese, 2–3-grams of Latin, and Latin words with their stems, scaled to a
 * fixed length. Chinese is not segmented into words: a segmenter (jieba) added 0.2 points of
 * writer-grouped cross-validation F1 but cost a fifth of the classifier's time and 79 MB of memory,
 * and its 2- and 3-grams are already here.
 */
function textBlock(segments: readonly Segment[], b: VectorBuilder, norm: number, minFeatures: number, divisor: (n: number) => number): void {
  const from = b.length;
  for (const { text } of segments) {
    ngramFeatures(text, b);
    wordFeatures(text, b);
  }
  const n = b.length - from;
  if (n > 0) b.scale(from, norm / divisor(Math.max(n, minFeatures)));
}

/**
 * The offer's block is scaled to a fixed length (its n features divided by √n): its wording is what the
 * listing sells, and more of it says more.
 */
const byLength = (n: number): number => Math.sqrt(n);

/** Features at which a side block weighs as it would scaled to a fixed length: a sentence or two. */
const MEAN_AT = 40;

/**
 * The other sentences' blocks are averaged (divided by n, and by √40 at 40 features, where the two
 * agree): with a fixed length their pull grew as the square root of their size, so five lines of shop
 * talk added under an offer pulled √5, over twice, as hard as one. Averaged, padding adds what its words
 * lean on average and no more however long it is. On the writers left out in groups of five (training
 * split), hard-negative FPR 3.15% → 2.46%, shop-padding flips 6.9% → 5.4%, F1 .930 → .933; the
 * offer's block averaged too (n^0.75) lost F1 (.928).
 */
const byMean = (n: number): number => n / Math.sqrt(MEAN_AT);

/** Hashes of the character n-grams of t, with their ranges (the evidence fallback locates them). */
export function eachNgram(t: string, emit: (hash: number, start: number, end: number) => void): void {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x20) continue;
    if (isHanCode(c)) emit(hashRange(t, i, i + 1, SEEDS.char1), i, i + 1);
    if (i + 2 <= t.length) emit(hashRange(t, i, i + 2, SEEDS.char2), i, i + 2);
    if (i + 3 <= t.length) emit(hashRange(t, i, i + 3, SEEDS.char3), i, i + 3);
  }
}

/** eachNgram's hashes added to b, without a call per n-gram (the hot loop of every listing). */
function ngramFeatures(t: string, b: VectorBuilder): void {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x20) continue;
    if (isHanCode(c)) b.add(hashRange(t, i, i + 1, SEEDS.char1), 1);
    if (i + 2 <= t.length) b.add(hashRange(t, i, i + 2, SEEDS.char2), 1);
    if (i + 3 <= t.length) b.add(hashRange(t, i, i + 3, SEEDS.char3), 1);
  }
}

// Each word's stem as its feature hash, in a table indexed by the word's own hash (see wordFeatures): a
// slot holds the last word that fell in it. Typed and fixed in size: a Map of objects cost a tenth of
// the model's features in lookups. A word that finds another in its slot is stemmed again (stemWord caches it).
const STEM_SLOTS = 1 << 16;
const stemSlotWord: (string | undefined)[] = new Array<string | undefined>(STEM_SLOTS).fill(undefined);
const stemSlotHash = new Uint32Array(STEM_SLOTS);

function wordFeatures(t: string, b: VectorBuilder): void {
  for (let i = 0; i < t.length;) {
    const c = t.charCodeAt(i);
    let j = i + 1;
    if (isLatinOrDigitCode(c)) {
      while (j < t.length && isLatinOrDigitCode(t.charCodeAt(j))) j++;
      const wordHash = hashRange(t, i, j, SEEDS.word);
      b.add(wordHash, 1);
      // The stem is looked up by the word's hash, checked against the word itself: no substring and no
      // string hashing for a word met before.
      const slot = wordHash & (STEM_SLOTS - 1);
      const known = stemSlotWord[slot];
      if (known === undefined || known.length !== j - i || !t.startsWith(known, i)) {
        const word = t.slice(i, j);
        const stem = stemWord(word);
        stemSlotWord[slot] = word;
        stemSlotHash[slot] = hashRange(stem, 0, stem.length, SEEDS.stem);
      }
      b.add(stemSlotHash[slot]!, 1);
    }
    i = j;
  }
}
