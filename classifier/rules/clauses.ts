import type { NormalizedText } from '../normalize/normalize.js';

/**
 * Clause and sentence boundaries of a field, in compact-text positions. The compact view drops
 * punctuation, so boundaries are read from the base view between two compact characters.
 */

// A clause ends at any of these; a sentence only at the stronger ones.
const CLAUSE = /[。，,；;！!？?\n、：:（）()【】[\]「」『』“”"…|•·]/;
const SENTENCE = /[。；;！!？?\n…|•]|\.\s/;

/** The base text between compact characters k-1 and k (empty when they were adjacent). */
function gapBefore(nt: NormalizedText, k: number): string {
  if (k <= 0 || k >= nt.text.length) return '';
  const a = nt.toBase[k - 1]!;
  const b = nt.toBase[k]!;
  // A compact space stands for a whole separator run and points at its first character (", " → ' ' at the comma).
  const from = nt.text.charCodeAt(k - 1) === 0x20 ? a : a + 1;
  return b > from ? nt.base.slice(from, b) : '';
}

/** Whether a clause boundary (comma, full stop, bracket, line break…) lies just before compact position k. */
export function clauseBreakBefore(nt: NormalizedText, k: number): boolean {
  const gap = gapBefore(nt, k);
  return gap !== '' && CLAUSE.test(gap);
}

/** Whether a space or a clause boundary lies just before compact position k (where a run-on sentence may start). */
export function wordBreakBefore(nt: NormalizedText, k: number): boolean {
  if (nt.text.charCodeAt(k - 1) === 0x20) return true;
  const gap = gapBefore(nt, k);
  return gap !== '' && (/\s/.test(gap) || CLAUSE.test(gap));
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
    const gap = gapBefore(nt, k);
    if (gap !== '' && SENTENCE.test(gap)) {
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
