import { cut } from 'jieba-wasm';
import { isHanCode, isLatinOrDigitCode, isLetterCode } from '../../text/index.js';
import type { NormalizedText } from '../normalize/normalize.js';
import { clauseBreakBefore } from '../rules/clauses.js';
import { EN_COMMON_FOLDED, EN_STOPWORDS_FOLDED, isChineseNumber, isNumberToken, ZH_ATTRIBUTES, ZH_BAD_END, ZH_BAD_START, ZH_STOPWORDS } from './stopwords.js';

/**
 * The units a candidate can be, read from a field's compact text (the view the lexicon matches, so a
 * split or traditional spelling meets its plain form): Chinese character n-grams of 2–4 and jieba
 * words up to 6 inside a clause, English phrases of 1–3 words, and a short Latin token glued to one or
 * two Chinese characters (V脸, 蓝b). Each unit is keyed by its compact text.
 */
export type UnitKind = 'han' | 'latin' | 'mixed';

export interface Unit {
  readonly key: string;
  readonly kind: UnitKind;
  /** Compact range [start, end). */
  readonly start: number;
  readonly end: number;
  /** jieba cut the text at both ends of this unit, and nowhere inside it. */
  readonly word: boolean;
  /**
   * jieba cut the text at both ends of this unit (it may hold several words: 合影|票). A Chinese
   * n-gram that starts or ends inside a word (生款 of 学生|款) is a piece cut from that word.
   * Latin phrases are whole words; mixed units are never aligned.
   */
  readonly aligned: boolean;
}

export const MIN_HAN = 2;
export const MAX_NGRAM = 4;
export const MAX_WORD = 6;
const MAX_PHRASE_WORDS = 3;

/** Whether a Chinese unit can be a term at all: no particle at its edges, not a number, not a function or attribute word. */
export function isHanCandidate(s: string): boolean {
  return !ZH_BAD_START.has(s[0]!) && !ZH_BAD_END.has(s.at(-1)!) && !isChineseNumber(s) && !ZH_STOPWORDS.has(s) && !ZH_ATTRIBUTES.has(s);
}

/** Whether a Latin phrase can be a term: no number in it, no function word at its edges. */
function isLatinCandidate(tokens: readonly string[]): boolean {
  if (tokens.some(isNumberToken)) return false;
  if (EN_STOPWORDS_FOLDED.has(tokens[0]!) || EN_STOPWORDS_FOLDED.has(tokens.at(-1)!)) return false;
  // Not everyday words only (us/uk, left & right); a lone word has three letters at least (initials of
  // two come up as another spelling of their Chinese term).
  if (tokens.every((w) => EN_COMMON_FOLDED.has(w))) return false;
  return tokens.length > 1 || tokens[0]!.length >= 3;
}

/**
 * Every unit of a field's compact text, passed to `emit` (with jieba's word boundaries when `words`).
 * With `prefixes`, Chinese n-grams only where their first two characters are one of them: counting
 * units already known is much cheaper than cutting every one.
 */
export function eachUnit(nt: NormalizedText, emit: (u: Unit) => void, words = true, prefixes?: ReadonlySet<string>): void {
  const t = nt.text;
  const n = t.length;
  for (let i = 0; i < n;) {
    const c = t.charCodeAt(i);
    if (isHanCode(c)) {
      let j = i + 1;
      while (j < n && isHanCode(t.charCodeAt(j)) && !wordBreakBefore(nt, j)) j++;
      hanRun(t, i, j, emit, words, prefixes);
      i = j;
    } else if (isLatinOrDigitCode(c)) {
      i = latinPhrasesFrom(nt, i, emit);
    } else i++;
  }
  mixedUnits(nt, emit);
}

/**
 * A unit never spans a clause break, nor a space between two words of two or more characters (出蓝本
 * 五毛一张 is two phrases). A space beside a lone character is a split spelling (蓝 本 照), read whole
 * as the rules read it.
 */
function wordBreakBefore(nt: NormalizedText, j: number): boolean {
  // Written side by side: no break (the common case, answered without reading the gap).
  if (glued(nt, j)) return false;
  if (clauseBreakBefore(nt, j)) return true;
  if (!/\s/.test(nt.base.slice(nt.toBase[j - 1]! + 1, nt.toBase[j]!))) return false;
  const lone = (k: number) => k <= 0 || k >= nt.text.length || !glued(nt, k);
  return !lone(j - 1) && !lone(j + 1);
}

function hanRun(t: string, from: number, to: number, emit: (u: Unit) => void, words: boolean, prefixes?: ReadonlySet<string>): void {
  if (to - from < MIN_HAN) return;
  const cuts = words ? wordCuts(t.slice(from, to), from) : null;
  for (let s = from; s < to; s++) {
    if (prefixes && !prefixes.has(t.slice(s, s + MIN_HAN))) continue;
    for (let len = MIN_HAN; len <= MAX_NGRAM && s + len <= to; len++) {
      const key = t.slice(s, s + len);
      if (!isHanCandidate(key)) continue;
      const aligned = cuts !== null && cuts.edges.has(s) && cuts.edges.has(s + len);
      emit({ key, kind: 'han', start: s, end: s + len, word: cuts?.spans.has(s * 64 + len) ?? false, aligned });
    }
  }
  // jieba words longer than an n-gram (a 5–6 character term): units of their own.
  if (cuts)
    for (const span of cuts.spans) {
      const s = Math.floor(span / 64);
      const len = span % 64;
      if (len > MAX_NGRAM && len <= MAX_WORD) {
        const key = t.slice(s, s + len);
        if (isHanCandidate(key)) emit({ key, kind: 'han', start: s, end: s + len, word: true, aligned: true });
      }
    }
}

/** jieba's words of a run: spans as start * 64 + length, and every position it cut at (both ends of the run included). */
export function wordCuts(run: string, offset: number): { spans: Set<number>; edges: Set<number> } {
  const spans = new Set<number>();
  const edges = new Set<number>([offset]);
  let at = offset;
  for (const w of cut(run, false)) {
    if (w.length >= MIN_HAN && w.length <= MAX_WORD) spans.add(at * 64 + w.length);
    at += w.length;
    edges.add(at);
  }
  return { spans, edges };
}

/** Latin tokens from position i, and the phrases of up to three of them that start at each; returns the index after the run. */
function latinPhrasesFrom(nt: NormalizedText, i: number, emit: (u: Unit) => void): number {
  const t = nt.text;
  const tokens: { s: number; e: number }[] = [];
  let k = i;
  for (;;) {
    let e = k;
    while (e < t.length && isLatinOrDigitCode(t.charCodeAt(e))) e++;
    tokens.push({ s: k, e });
    // The next token belongs to the phrase only after a plain space (a comma or full stop ends it).
    if (t.charCodeAt(e) !== 0x20 || !isLatinOrDigitCode(t.charCodeAt(e + 1)) || clauseBreakBefore(nt, e + 1)) {
      k = e;
      break;
    }
    k = e + 1;
  }
  for (let a = 0; a < tokens.length; a++) {
    for (let b = a; b < Math.min(tokens.length, a + MAX_PHRASE_WORDS); b++) {
      const parts = tokens.slice(a, b + 1).map((x) => t.slice(x.s, x.e));
      if (!isLatinCandidate(parts)) continue;
      emit({ key: parts.join(' '), kind: 'latin', start: tokens[a]!.s, end: tokens[b]!.e, word: true, aligned: true });
    }
  }
  return k;
}

/** A Latin token of 1–4 letters written against Chinese characters (V脸, 蓝b): with one or two of them. */
function mixedUnits(nt: NormalizedText, emit: (u: Unit) => void): void {
  const t = nt.text;
  for (let s = 0; s < t.length; s++) {
    if (!isLetterCode(t.charCodeAt(s)) || (s > 0 && isLatinOrDigitCode(t.charCodeAt(s - 1)))) continue;
    let e = s;
    while (e < t.length && isLetterCode(t.charCodeAt(e))) e++;
    if (e - s > 4 || (e < t.length && isLatinOrDigitCode(t.charCodeAt(e)))) continue;
    for (let len = 1; len <= 2; len++) {
      if (glued(nt, e) && hanSpan(nt, e, e + len)) emitMixed(t, s, e + len, emit);
      if (glued(nt, s) && hanSpan(nt, s - len, s)) emitMixed(t, s - len, e, emit);
    }
  }
}

/** Compact characters k-1 and k were adjacent as written (no space or mark dropped between them). */
function glued(nt: NormalizedText, k: number): boolean {
  return k > 0 && k < nt.text.length && nt.toBase[k]! - nt.toBase[k - 1]! === 1;
}

/** Chinese characters only over [a, b), written without a gap between them. */
function hanSpan(nt: NormalizedText, a: number, b: number): boolean {
  if (a < 0 || b > nt.text.length) return false;
  for (let k = a; k < b; k++) if (!isHanCode(nt.text.charCodeAt(k)) || (k > a && !glued(nt, k))) return false;
  return true;
}

function emitMixed(t: string, s: number, e: number, emit: (u: Unit) => void): void {
  const key = t.slice(s, e);
  const han = key.replace(/[a-z]+/g, '');
  if (ZH_BAD_START.has(key[0]!) || ZH_BAD_END.has(key.at(-1)!) || isChineseNumber(han)) return;
  emit({ key, kind: 'mixed', start: s, end: e, word: false, aligned: false });
}
