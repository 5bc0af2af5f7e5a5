import type { NormalizedText } from '../normalize/normalize.js';

/**
 * Clause and sentence boundaries of a field, in compact-text positions. The compact view drops
 * punctuation, so boundaries are read from the base view between two compact characters.
 */

// A clause ends at any of these; a sentence only at the stronger ones.
const CLAUSE = /[。，,；;！!？?\n、：:（）()【】[\]「」『』“”"…|•·]/;
// A sentence also ends at a full stop followed by white space (". "), which gapHas reads itself.
const SENTENCE = /[。；;！!？?\n…|•]/;

// Gaps are read character by character against a table made from the patterns above, not as a
// substring tested by a regex: a string per compact position was most of the sentence split's time.
const CLAUSE_MARK = 1;
const SENTENCE_MARK = 2;
const SPACE_MARK = 4;
const KNOWN = 8;
const marks = new Uint8Array(0x10000);

function marksOf(c: number): number {
  let m = marks[c]!;
  if (m === 0) {
    const s = String.fromCharCode(c);
    m = KNOWN | (CLAUSE.test(s) ? CLAUSE_MARK : 0) | (SENTENCE.test(s) ? SENTENCE_MARK : 0) | (/\s/.test(s) ? SPACE_MARK : 0);
    marks[c] = m;
  }
  return m;
}

/**
 * Whether the base text between compact characters k-1 and k holds a character of `mark` (for
 * SENTENCE_MARK also a full stop with white space after it); false when they were adjacent.
 */
function gapHas(nt: NormalizedText, k: number, mark: number): boolean {
  if (k <= 0 || k >= nt.text.length) return false;
  const a = nt.toBase[k - 1]!;
  const to = nt.toBase[k]!;
  // A compact space stands for a whole separator run and points at its first character (", " → ' ' at the comma).
  const from = nt.text.charCodeAt(k - 1) === 0x20 ? a : a + 1;
  const base = nt.base;
  for (let i = from; i < to; i++) {
    const c = base.charCodeAt(i);
    if ((marksOf(c) & mark) !== 0) return true;
    if (mark === SENTENCE_MARK && c === 0x2e && i + 1 < to && (marksOf(base.charCodeAt(i + 1)) & SPACE_MARK) !== 0) return true;
  }
  return false;
}

/** Whether a clause boundary (comma, full stop, bracket, line break…) lies just before compact position k. */
export function clauseBreakBefore(nt: NormalizedText, k: number): boolean {
  return gapHas(nt, k, CLAUSE_MARK);
}

/** Whether a space or a clause boundary lies just before compact position k (where a run-on sentence may start). */
export function wordBreakBefore(nt: NormalizedText, k: number): boolean {
  if (nt.text.charCodeAt(k - 1) === 0x20) return true;
  return gapHas(nt, k, SPACE_MARK | CLAUSE_MARK);
}

/**
 * Sentences as compact ranges [start, end), in order, covering the text. A full stop counts only
 * when a space follows it, so "S.à.r.l." and "3.5" stay whole.
 */
function sentences(nt: NormalizedText): [number, number][] {
  const out: [number, number][] = [];
  const n = nt.text.length;
  let from = 0;
  for (let k = 1; k < n; k++) {
    if (gapHas(nt, k, SENTENCE_MARK)) {
      out.push([from, k]);
      from = k;
    }
  }
  if (from < n) out.push([from, n]);
  return out;
}

// The code characters /[{}();=<>[\]"\\]/: brackets as -1 (counted, never distinct), the rest by a bit of their own.
const CODE_BIT = new Int16Array(128);
CODE_BIT[0x28] = -1;
CODE_BIT[0x29] = -1;
[...'{};=<>[]"\\'].forEach((c, i) => (CODE_BIT[c.charCodeAt(0)] = 1 << i));

/**
 * Script-like or number-only text pasted into a listing (a script, a tracking blob, columns of
 * digits): not the seller's words, so nothing in it counts. Price lists and menus are words: a line
 * is noise only with many code characters, or when every token is a long run of hex or digits.
 */
export function isNoise(text: string): boolean {
  // Most sentences are short: fewer than 8 characters in all leave fewer than 8 visible.
  if (text.length < 8) return false;
  // Counted in one pass over the characters that are not white space (what /\s/ matches), without a
  // string of them: how many there are, how many code characters, and which.
  let visible = 0;
  let code = 0;
  let distinct = 0;
  let hasDigit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    visible++;
    if (c >= 0x30 && c <= 0x39) hasDigit = true;
    else if (c < 128 && CODE_BIT[c] !== 0) {
      code++;
      // Brackets alone are how people number lists; braces, semicolons and equals signs are code.
      if (CODE_BIT[c]! > 0) distinct |= CODE_BIT[c]!;
    }
  }
  if (visible < 8) return false;
  if (code >= 5 && bitCount(distinct) >= 2 && code / visible >= 0.08) return true;
  if (!hasDigit) return false;
  const tokens = text.trim().split(/\s+/);
  return tokens.every((t) => /^[#\-0-9a-f]{6,}$/i.test(t) || /^\d+$/.test(t));
}

/** The code units /\s/ matches (ECMAScript's white space and line terminators). */
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** Sentences as compact ranges, each marked whether it is noise (see isNoise). */
export function sentencesWithNoise(nt: NormalizedText): { start: number; end: number; noise: boolean }[] {
  return sentences(nt).map(([start, end]) => {
    const from = nt.toBase[start]!;
    const to = end < nt.toBase.length ? nt.toBase[end]! : nt.base.length;
    return { start, end, noise: isNoise(nt.base.slice(from, to)) };
  });
}
