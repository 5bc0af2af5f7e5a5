import { TEXT_FIELDS, type TextField } from '../../contracts/index.js';
import type { Lexicon, LexiconEntry } from '../lexicon/load.js';
import { isObfuscatedSpan, normalize, originalEnd, originalRange, originalStart, type NormalizedText } from '../normalize/normalize.js';
import { sentencesWithNoise } from './clauses.js';
import { insideAny, negatedRanges, type Cue } from './negation.js';
import { findTradePatterns, type TradePatternId } from './trade-patterns.js';

/** One thing the rules found, located in the original text of a field. */
export interface RuleHit {
  readonly field: TextField;
  /** The lexicon entry (term, signal, context or part), or null for a trade pattern. */
  readonly entry: LexiconEntry | null;
  readonly pattern: TradePatternId | null;
  /** Original-text range [start, end) in the field. */
  readonly start: number;
  readonly end: number;
  /** Compact-text range [cstart, cend) in the field (what the model and the offer rules measure distance in). */
  readonly cstart: number;
  readonly cend: number;
  /** The match needed de-obfuscation (split, disguised, homophone or coded spelling). */
  readonly obfuscated: boolean;
  /** Inside the reach of a negation (非床品, not a card holder, no real people). */
  readonly negated: boolean;
  /** Inside quotation marks (“…”, 「…」): an offer quoted by a report, a warning or a glossary. */
  readonly quoted: boolean;
}

export interface FieldText {
  readonly field: TextField;
  readonly normalized: NormalizedText;
  /** Sentences as compact ranges; noise ones (script text, digit columns) hold no hits. */
  readonly sentences: readonly { readonly start: number; readonly end: number; readonly noise: boolean }[];
}

export interface ListingAnalysis {
  readonly fields: readonly FieldText[];
  readonly hits: readonly RuleHit[];
  /**
   * Each field's hits before the listing-wide filter (keepStandaloneInitials), in `fields` order: what a
   * later analysis of a listing with the same field text reuses (see analyzeListing's `previous`).
   */
  readonly fieldHits?: readonly (readonly RuleHit[])[];
}

export type ListingFields = Partial<Record<TextField, string | null | undefined>>;

type Draft = Omit<RuleHit, 'negated' | 'quoted'>;

/**
 * `previous`: an analysis of a listing that shares some fields' text with this one (a variant of it,
 * see added-sentences.ts); a field whose text is unchanged is not analyzed again. A field's analysis
 * depends only on its own text and name, so the result is the same as without it.
 */
export function analyzeListing(lexicon: Lexicon, listing: ListingFields, previous?: ListingAnalysis): ListingAnalysis {
  const fields: FieldText[] = [];
  const hits: RuleHit[] = [];
  const fieldHits: (readonly RuleHit[])[] = [];
  for (const field of TEXT_FIELDS) {
    const text = listing[field];
    if (typeof text !== 'string' || text.length === 0) continue;
    const same = previous === undefined ? undefined : sameField(previous, field, text);
    if (same !== undefined) {
      fields.push(same.fieldText);
      fieldHits.push(same.hits);
      for (const h of same.hits) hits.push(h);
      continue;
    }
    const one = field === 'price' && text.length <= MAX_KEPT_PRICE ? keptPrice(lexicon, text) : analyzeText(lexicon, field, text);
    fields.push(one.fieldText);
    fieldHits.push(one.hits);
    // A loop, not push(...): a long field's hits may be more than a call takes arguments.
    for (const h of one.hits) hits.push(h);
  }
  return { fields, hits: keepStandaloneInitials(hits, fields), fieldHits };
}

interface FieldAnalysis {
  readonly fieldText: FieldText;
  readonly hits: readonly RuleHit[];
}

/** One field's text and hits, before the listing-wide filter. */
function analyzeText(lexicon: Lexicon, field: TextField, text: string): FieldAnalysis {
  const normalized = normalize(text, lexicon.emoji);
  const sentences = sentencesWithNoise(normalized);
  const found = analyzeField(lexicon, field, normalized);
  // Most fields have no noise sentence.
  const noise = sentences.filter((s) => s.noise);
  const hits = noise.length === 0 ? found : found.filter((h) => !noise.some((s) => h.cstart >= s.start && h.cstart < s.end));
  return { fieldText: { field, normalized, sentences }, hits };
}

/**
 * Prices are short texts from a small set ("$20", "5元", "面议") met again and again, and a field's
 * analysis depends only on its text and name: each price's is kept, per lexicon, up to PRICES_KEPT
 * of them (then the set starts again). Analyzing the price anew was a tenth of the rules' time.
 */
const MAX_KEPT_PRICE = 32;
const PRICES_KEPT = 4096;
const keptPrices = new WeakMap<Lexicon, Map<string, FieldAnalysis>>();

function keptPrice(lexicon: Lexicon, text: string): FieldAnalysis {
  let kept = keptPrices.get(lexicon);
  if (kept === undefined) keptPrices.set(lexicon, (kept = new Map()));
  let one = kept.get(text);
  if (one === undefined) {
    if (kept.size >= PRICES_KEPT) kept.clear();
    kept.set(text, (one = analyzeText(lexicon, 'price', text)));
  }
  return one;
}

/** The field of a previous analysis with this text, and its hits; undefined when the text changed. */
function sameField(previous: ListingAnalysis, field: TextField, text: string): { fieldText: FieldText; hits: readonly RuleHit[] } | undefined {
  const at = previous.fields.findIndex((f) => f.field === field && f.normalized.original === text);
  const hits = previous.fieldHits?.[at];
  return at < 0 || hits === undefined ? undefined : { fieldText: previous.fields[at]!, hits };
}

function analyzeField(lexicon: Lexicon, field: TextField, nt: NormalizedText): RuleHit[] {
  const drafts: Draft[] = [];
  const onHit = (h: { entry: number; coded: boolean; start: number; end: number }) => {
    // Not originalRange: no pair allocated per hit on the hot path.
    const start = originalStart(nt, h.start);
    const end = originalEnd(nt, h.end);
    const entry = lexicon.entries[h.entry]!;
    // Disguise is evidence for the trade's own words; parts, shadows and cues are ordinary words.
    const plain = entry.kind === 'part' || entry.kind === 'shadow' || entry.kind === 'negation';
    const obfuscated = h.coded || (!plain && isObfuscatedSpan(nt, h.start, h.end));
    drafts.push({ field, entry, pattern: null, start, end, cstart: h.start, cend: h.end, obfuscated });
  };
  lexicon.phrases.match(nt.text, onHit);
  lexicon.homophones.match(nt.text, (h) => {
    // A sound-alike across a word break is chance (出售 吃灰 sounds like 出手持); one split letter by letter is a disguise.
    const [start, end] = originalRange(nt, h.start, h.end);
    const gaps = nt.original.slice(start, end).match(/\s+/g)?.length ?? 0;
    if (gaps === 0 || gaps >= h.end - h.start - 1) onHit(h);
  });
  const patterns = findTradePatterns(nt.base);
  // Most fields match no pattern: the index from base to compact positions is made only for those that do.
  const compactOf = patterns.length > 0 ? compactIndex(nt) : null;
  for (const p of patterns) {
    const cstart = compactOf![p.start]!;
    const cend = Math.max(cstart + 1, compactOf![p.end]!);
    drafts.push({ field, entry: null, pattern: p.id, start: nt.baseStart[p.start]!, end: nt.baseEnd[p.end - 1]!, cstart, cend, obfuscated: false });
  }

  const longer = (a: Draft, b: Draft) => a !== b && a.cstart <= b.cstart && b.cend <= a.cend && a.cend - a.cstart > b.cend - b.cstart;
  const shadows = drafts.filter((d) => d.entry?.kind === 'shadow');
  const parts = drafts.filter((d) => d.entry?.kind === 'part');
  const words = drafts.filter((d) => d.entry !== null && d.entry.kind !== 'negation');
  // A cue inside a longer phrase belongs to that phrase: 不是网图, 无需本人 and "no consent" are words of their own.
  const cues: Cue[] = drafts.filter((d) => d.entry?.kind === 'negation' && !words.some((w) => longer(w, d))).map((d) => ({ start: d.cstart, end: d.cend }));
  const negated = cues.length > 0 ? negatedRanges(nt, cues, lexicon.negation) : [];

  const quotes = quotedRanges(nt.original);
  const kept: RuleHit[] = [];
  for (const d of drafts) {
    const kind = d.entry?.kind;
    if (kind === 'shadow' || kind === 'negation') continue;
    // Face ID is a phone, a passport photo a studio product: their words are not parts of an offer.
    if (kind === 'part' && shadows.length > 0 && shadows.some((s) => s.cstart <= d.cstart && d.cend <= s.cend)) continue;
    // A coded term that ends inside a device's name is that device's first word (出手持 吸尘器, 手持照明灯, a selfie
    // stick); a shadow inside the term (证件照 in 手持证件照) leaves it whole.
    if (kind === 'term' && shadows.length > 0 && shadows.some((s) => s.entry!.id === 'shadow' && endsInside(d, s))) continue;
    // "face check" is a use, not a face: a part inside a longer part of another kind is that part, except
    // inside a hold ("next to the face", "holder shots"), which names its face and its photo too.
    if (kind === 'part' && parts.some((p) => p.entry!.part !== d.entry!.part && p.entry!.part !== 'together' && longer(p, d))) continue;
    // Negation reaches contexts, offer parts and signal words; coded terms and price patterns are what is sold whatever precedes them.
    const negatable = kind === 'context' || kind === 'part' || kind === 'signal';
    // Written out, not spread: copying an object by spread is slow on this hot path (one per hit).
    kept.push({
      field: d.field,
      entry: d.entry,
      pattern: d.pattern,
      start: d.start,
      end: d.end,
      cstart: d.cstart,
      cend: d.cend,
      obfuscated: d.obfuscated,
      negated: negatable && insideAny(negated, d.cstart),
      quoted: insideAny(quotes, d.start),
    });
  }
  return dropCoveredContexts(kept);
}

/** Whether a term's last character lies in the shadow, which holds the term or runs on past it (a shadow inside the term does not count). */
function endsInside(term: Draft, shadow: Draft): boolean {
  return shadow.cstart < term.cend && term.cend <= shadow.cend && (shadow.cstart <= term.cstart || term.cend < shadow.cend);
}

// Quotation marks that come in pairs; a quote longer than this is not a quote but a stray mark.
const QUOTE_PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’', '"': '"', '«': '»', '《': '》' };
const MAX_QUOTE = 240;
// The opening marks by char code (all in the BMP): a field is scanned by code, without a string per character.
const OPENING_QUOTE = new Uint8Array(0x10000);
for (const q of Object.keys(QUOTE_PAIRS)) OPENING_QUOTE[q.charCodeAt(0)] = 1;

/** Original-text ranges inside paired quotation marks. */
function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    if (OPENING_QUOTE[text.charCodeAt(i)] === 0) continue;
    const close = QUOTE_PAIRS[text[i]!];
    if (close === undefined) continue;
    const j = text.indexOf(close, i + 1);
    if (j < 0 || j - i > MAX_QUOTE) continue;
    out.push([i + 1, j]);
    i = j;
  }
  return out;
}

/** For each base index, the compact index of the first compact character at or after it. */
function compactIndex(nt: NormalizedText): Int32Array {
  const out = new Int32Array(nt.base.length + 1).fill(nt.text.length);
  for (let k = nt.toBase.length - 1; k >= 0; k--) out[nt.toBase[k]!] = k;
  for (let b = nt.base.length - 1; b >= 0; b--) if (out[b]! > out[b + 1]!) out[b] = out[b + 1]!;
  return out;
}

/**
 * A context inside a term, signal or part is part of it, not a context: "consent" in "no consent",
 * "holder" in "holder shots" must not lower the score.
 */
function dropCoveredContexts(hits: RuleHit[]): RuleHit[] {
  if (!hits.some((h) => h.entry?.kind === 'context')) return hits;
  const covers = hits.filter((h) => h.entry?.kind === 'term' || h.entry?.kind === 'signal' || h.entry?.kind === 'part');
  return hits.filter(
    (h) => h.entry?.kind !== 'context' || !covers.some((c) => c.field === h.field && c.start <= h.start && h.end <= c.end && c.end - c.start > h.end - h.start),
  );
}

const HAN = /\p{Script=Han}/u;

/**
 * Pinyin initials (rl for 人脸, sfz for 身份证) are also pieces of ordinary Latin text: "S.à.r.l." in a
 * footer is not 人脸. A term spelled in two to four Latin letters counts only as a standalone token
 * (no letters or dotted letters around it as the seller wrote it, no ampersand inside it) in a listing
 * that has Chinese text or a trade signal.
 */
function keepStandaloneInitials(hits: RuleHit[], fields: readonly FieldText[]): RuleHit[] {
  // Most listings have no term spelled in initials: then nothing below is worked out.
  let texts: Map<TextField, NormalizedText> | undefined;
  let chineseOrTrade: boolean | undefined;
  return hits.filter((h) => {
    if (h.entry?.kind !== 'term') return true;
    if (texts === undefined) texts = new Map(fields.map((f) => [f.field, f.normalized]));
    const nt = texts.get(h.field)!;
    if (!isLatinInitials(nt.text, h.cstart, h.cend)) return true;
    chineseOrTrade ??= fields.some((f) => HAN.test(f.normalized.text)) || hits.some((x) => !x.negated && isTradeSignal(x));
    return chineseOrTrade && standalone(nt.original, h.start, h.end);
  });
}

/** /^[a-z]{2,4}$/.test(text.slice(from, to)), without the slice. */
function isLatinInitials(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 2 || n > 4) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

/**
 * No Latin letter, digit, or letter-and-dot run touches the span in the original text, and no ampersand
 * joins letters inside it: R&L, D&D, M&S are English abbreviations, never pinyin initials (a seller
 * splitting 人脸's rl writes r.l, r-l or r l). An approved 代钓 (dd) flagged "AI portraits, great for D&D
 * groups, bulk deal" in a discovery evaluation, and R&L lamp shades read as 人脸.
 */
function standalone(original: string, start: number, end: number): boolean {
  if (original.slice(start, end).includes('&')) return false;
  // Latin letters and digits (with accents) join a token; Chinese beside it does not: 出rl照 is standalone.
  const word = /[\p{Script=Latin}\p{N}]/u;
  const before = original.slice(Math.max(0, start - 2), start);
  const after = original.slice(end, end + 2);
  if (word.test(before.slice(-1)) || word.test(after.slice(0, 1))) return false;
  // "S.à.r.l.": a dot or hyphen between single letters joins them into one word.
  return !/\p{Script=Latin}[.\-_]$/u.test(before) && !/^[.\-_]\p{Script=Latin}/u.test(after);
}

/** Whether a hit is a trade signal: a signal word or a price, quantity or contact pattern (a bare count is not: forums count members too). */
export function isTradeSignal(hit: RuleHit): boolean {
  return (hit.pattern !== null && hit.pattern !== 'count') || hit.entry?.kind === 'signal';
}
