import type { TEXT_FIELDS } from '../contracts/index.js';
import { originalEnd, originalStart, type NormalizedText } from './normalize/normalize.js';
import type { FieldText, ListingAnalysis, RuleHit } from './rules/analyze.js';
import { wordBreakBefore } from './rules/clauses.js';

/** Fewer weighed characters than this (a CJK character weighs 2, any other 1) are a word or two, not an added sentence. */
const MIN_ADDED_EDGE = 16;

/** A piece of a field that may be left out, as original offsets. */
export interface Cut {
  readonly field: (typeof TEXT_FIELDS)[number];
  readonly from: number;
  readonly to: number;
  /** The piece holds a borrowed cover. */
  readonly cover?: boolean;
  /** The piece is the first or last sentence of a description of several: where a seller adds one. */
  readonly edgeSentence?: boolean;
}

/** A cut at a field's edge, with its compact range (to find the hits inside it). */
export interface EdgeCut extends Cut {
  readonly start: number;
  readonly end: number;
}

/**
 * A sentence added to a field without a full stop between: what lies beyond the last of the offer's own
 * words, or before the first, from where `startsHere` reads a new sentence on, when it is long enough to
 * be a sentence of its own and holds nothing but what a seller may add. A title read alone (one piece)
 * is cut at any space or clause break (a cover run on after a space, a tag before the offer); a
 * description only inside the sentence the offer's words begin or end, where a capitalized word follows
 * a lower-case one ("… $5 each, bulk 100+ Perfect for your bedroom, this soft cotton set …"): a space
 * alone does not mark it there, since a benign description says what it is in words no rule knows.
 *
 * A title's tail is also cut further on, where a sentence starts and at the last space that leaves a
 * sentence's length, each as a cut of its own: the first space after the offer's words may fall before
 * the rest of the offer ("人脸四件套 带卡 全新 <a bedding line>" kept only "人脸四件套", which a
 * model trained without that listing's writers scored 0.47, where it scored the title as written, without
 * the bedding line, 0.98).
 */
export function addedEdges(f: FieldText, kept: readonly RuleHit[], startsHere: (nt: NormalizedText, k: number) => boolean, inSentence: boolean): EdgeCut[] {
  if (kept.length === 0) return [];
  const nt = f.normalized;
  const n = nt.text.length;
  let last = 0;
  let first = n;
  for (const h of kept) {
    last = Math.max(last, h.cend);
    first = Math.min(first, h.cstart);
  }
  const sentenceAt = (k: number) => f.sentences.find((s) => s.start <= k && k < s.end);
  const tailEnd = inSentence ? (sentenceAt(last - 1)?.end ?? n) : n;
  const headStart = inSentence ? (sentenceAt(first)?.start ?? 0) : 0;
  const cut = (start: number, end: number): EdgeCut => ({
    field: f.field,
    from: start === 0 ? 0 : originalStart(nt, start),
    to: end === n ? nt.original.length : originalEnd(nt, end),
    start,
    end,
  });
  const cuts: EdgeCut[] = [];
  const longEnough = (from: number, to: number) => weight(nt.text, from, to) >= MIN_ADDED_EDGE;
  let k = Math.max(last, 1);
  while (k < tailEnd && !startsHere(nt, k)) k++;
  if (k < tailEnd && longEnough(k, tailEnd)) {
    cuts.push(cut(k, tailEnd));
    if (!inSentence) cuts.push(...furtherTailCuts(nt, k, tailEnd, startsHere).map((j) => cut(j, tailEnd)));
  }
  k = Math.min(first, n - 1);
  while (k > headStart && !startsHere(nt, k)) k--;
  if (k > headStart && longEnough(headStart, k)) cuts.push(cut(headStart, k));
  return cuts;
}

/** At most this many cuts further into a title's tail (each costs a scoring). */
const FURTHER_TAIL_CUTS = 3;

/**
 * Where else a title's tail after `from` may start: each sentence start, and the last space that leaves a
 * sentence's length (a Chinese sentence run on after a space has commas in it, not spaces).
 */
function furtherTailCuts(nt: NormalizedText, from: number, to: number, startsHere: (nt: NormalizedText, k: number) => boolean): number[] {
  const breaks: number[] = [];
  for (let j = from + 1; j < to; j++) if (startsHere(nt, j) && weight(nt.text, j, to) >= MIN_ADDED_EDGE) breaks.push(j);
  const picks = new Set(breaks.filter((j) => sentenceStartsAt(nt, j)));
  const spaces = breaks.filter((j) => spaceBefore(nt, j));
  if (spaces.length > 0) picks.add(spaces[spaces.length - 1]!);
  return [...picks].slice(0, FURTHER_TAIL_CUTS);
}

/** A capitalized word (an upper-case letter, then a lower-case one) at compact position k, after a space that follows a lower-case word, a number or a price (not an acronym). */
export function sentenceStartsAt(nt: NormalizedText, k: number): boolean {
  if (k <= 0 || k >= nt.text.length || !wordBreakBefore(nt, k)) return false;
  const o = originalStart(nt, k);
  const text = nt.original;
  if (!/[A-Z]/.test(text[o] ?? '') || !/[a-z]/.test(text[o + 1] ?? '')) return false;
  let b = o - 1;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
  return b >= 0 && b < o - 1 && /[a-z0-9+%)\]$€£¥]/.test(text[b]!);
}

/** White space in the original text just before compact position k (a full stop between digits reads as a space in the compact text). */
const spaceBefore = (nt: NormalizedText, k: number): boolean => /\s/.test(nt.original[originalStart(nt, k) - 1] ?? '');

function weight(text: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20) w += c >= 0x2e80 ? 2 : 1;
  }
  return w;
}

/** A hit a sentence of context words may hold: a word of a context or an offer part, nothing negated, no price or contact. */
export const isContextWord = (h: RuleHit): boolean => h.pattern === null && !h.negated && (h.entry?.kind === 'context' || h.entry?.kind === 'part');

/**
 * The context hits of a sentence appended to a title after a space: a title that ends with a full stop
 * and whose tail, from a space on, is long enough to be a sentence and holds context words and offer
 * parts only ("手持证件照 一千套 打包 如有违法线索，我们会第一时间上报警方。"). Titles seldom end with a
 * full stop; one that does after the offer's words ran a sentence on, as a field's last sentence does.
 */
export function titleTailContexts(analysis: ListingAnalysis, f: FieldText): RuleHit[] {
  const nt = f.normalized;
  if (f.field !== 'title' || !/[。！!.]\s*$/.test(nt.original)) return [];
  const n = nt.text.length;
  const hits = analysis.hits.filter((h) => h.field === f.field);
  for (let k = 1; k < n && weight(nt.text, k, n) >= MIN_ADDED_EDGE; k++) {
    if (!wordBreakBefore(nt, k) || hits.some((h) => h.cstart < k && h.cend > k)) continue;
    const tail = hits.filter((h) => h.cstart >= k);
    if (tail.length === 0) return [];
    if (tail.every(isContextWord) && tail.some((h) => h.entry?.kind === 'context')) return tail.filter((h) => h.entry?.kind === 'context');
  }
  return [];
}
