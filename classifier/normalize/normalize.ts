import { foldCodePoint, isDigitCode, isHanCode, isLatinOrDigitCode, isLetterCode } from '../../text/index.js';
import { decodeLeet } from './leet.js';

/**
 * A field's text in two normalized views, each character carrying the range of ORIGINAL UTF-16
 * offsets it came from, so every match can be reported as a span of what the seller wrote.
 *
 * - `base`: each code point folded (NFKC, lower case, traditional → simplified, look-alikes),
 *   invisible characters dropped, emoji replaced by the words they stand for. Punctuation and digits
 *   survive, so prices and quantities are read here.
 * - `text` (the compact view): `base` with separator runs inside words removed (身.份.证, 手 持,
 *   K-Y-C), other separator runs reduced to one space, leetspeak decoded, and l/I/1 folded to i so
 *   fuIIz, fu11z and fullz meet. The lexicon and the model read this view.
 */
export interface NormalizedText {
  readonly original: string;
  readonly base: string;
  readonly baseStart: readonly number[];
  readonly baseEnd: readonly number[];
  /** 1 where the base character came from an emoji or look-alike, or followed a dropped invisible. */
  readonly baseAltered: Uint8Array;
  readonly text: string;
  readonly start: readonly number[];
  readonly end: readonly number[];
  /** Index in `base` of each compact character. */
  readonly toBase: readonly number[];
  /** 1 where the compact character is a decoded leetspeak digit. */
  readonly decoded: Uint8Array;
}

export type EmojiWords = ReadonlyMap<number, string>;

const MAX_JOINED_SEPARATOR_RUN = 3;

export function normalize(original: string, emoji: EmojiWords): NormalizedText {
  const base = buildBase(original, emoji);
  return { original, ...base, ...buildCompact(base.base, base.baseStart, base.baseEnd) };
}

function buildBase(original: string, emoji: EmojiWords) {
  let out = '';
  const baseStart: number[] = [];
  const baseEnd: number[] = [];
  const altered: number[] = [];
  let pendingAltered = false;
  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const word = emoji.get(cp);
    const folded = word ?? foldCodePoint(cp);
    if (folded === '') {
      // An invisible character between two word characters is an evasion; at an edge it is noise.
      pendingAltered = out.length > 0 && isWordCode(out.charCodeAt(out.length - 1));
    } else {
      // Emoji words and look-alike letters are disguises; width, case and script variants are not.
      const isAltered = word !== undefined || (cp > 0x7f && !isHanCode(cp) && !isFullWidth(cp) && folded !== original.slice(i, i + width).toLowerCase());
      for (let k = 0; k < folded.length; k++) {
        out += folded[k];
        baseStart.push(i);
        baseEnd.push(i + width);
        altered.push(isAltered || (pendingAltered && isWordCode(folded.charCodeAt(k))) ? 1 : 0);
        pendingAltered = false;
      }
    }
    i += width;
  }
  return { base: out, baseStart, baseEnd, baseAltered: Uint8Array.from(altered) };
}

// Full-width forms are how Chinese keyboards type Latin; folding them is not evidence of hiding.
function isFullWidth(cp: number): boolean {
  return cp >= 0xff01 && cp <= 0xff5e;
}

/** Characters that belong to words in the compact view; '+' and '@' carry meaning in 加+v and @handles. */
export function isWordCode(c: number): boolean {
  return isLatinOrDigitCode(c) || isHanCode(c) || c === 0x2b || c === 0x40 || (c > 0x7f && c < 0xd800 && isOtherLetter(c));
}

const otherLetterCache = new Map<number, boolean>();
function isOtherLetter(c: number): boolean {
  let v = otherLetterCache.get(c);
  if (v === undefined) {
    v = /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
    otherLetterCache.set(c, v);
  }
  return v;
}

function buildCompact(base: string, baseStart: readonly number[], baseEnd: readonly number[]) {
  const chars: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const toBase: number[] = [];
  const n = base.length;
  const emit = (ch: string, b: number) => {
    chars.push(ch);
    start.push(baseStart[b]!);
    end.push(baseEnd[b]!);
    toBase.push(b);
  };
  for (let i = 0; i < n;) {
    const c = base.charCodeAt(i);
    if (isWordCode(c)) {
      emit(c === 0x6c ? 'i' : base[i]!, i); // l → i: see the view's contract above
      i++;
      continue;
    }
    let j = i;
    while (j < n && !isWordCode(base.charCodeAt(j))) j++;
    if (chars.length > 0 && j < n && !shouldJoin(base, i, j)) emit(' ', i);
    i = j;
  }
  const decoded = decodeLeet(chars);
  return { text: decoded.text, start, end, toBase, decoded: decoded.flags };
}

/** Whether the separator run base[i, j) sits inside a word the seller split up. */
function shouldJoin(base: string, i: number, j: number): boolean {
  const prev = base.charCodeAt(i - 1);
  const next = base.charCodeAt(j);
  if (j - i > MAX_JOINED_SEPARATOR_RUN) return false;
  if (isHanCode(prev) && isHanCode(next)) return !base.slice(i, j).includes('\n');
  // Letter-spaced Latin (K-Y-C, s e l f i e) and digits (1 0 0 0): both neighbours stand alone.
  const bothLetters = isLetterCode(prev) && isLetterCode(next);
  const bothDigits = isDigitCode(prev) && isDigitCode(next) && base[i] === ' ';
  if (j - i > 2 || !(bothLetters || bothDigits)) return false;
  return !isLatinOrDigitCode(base.charCodeAt(i - 2)) && !isLatinOrDigitCode(base.charCodeAt(j + 1));
}

/**
 * Whether a compact span [from, to) needed de-obfuscation to read: emoji or look-alikes, invisible
 * characters, leetspeak, or punctuation / repeated spacing dropped from inside it.
 */
export function isObfuscatedSpan(nt: NormalizedText, from: number, to: number): boolean {
  let spaceGaps = 0;
  for (let k = from; k < to; k++) {
    if (nt.decoded[k] === 1 || nt.baseAltered[nt.toBase[k]!] === 1) return true;
    if (k + 1 < to) {
      const a = nt.toBase[k]!;
      const b = nt.toBase[k + 1]!;
      if (b - a > 1) {
        const gap = nt.base.slice(a + 1, b);
        if (gap.trim() !== '') return true;
        spaceGaps++;
      }
    }
  }
  return spaceGaps >= 2;
}

/** The original-text range of compact span [from, to). */
export function originalRange(nt: NormalizedText, from: number, to: number): [number, number] {
  return [nt.start[from]!, nt.end[to - 1]!];
}
