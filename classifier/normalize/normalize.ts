import { foldCodePoint, isDigitCode, isHanCode, isLatinOrDigitCode, isLatinWordCode, isLetterCode } from '../../text/index.js';
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
  const compact = buildCompact(base.base, base.baseStart, base.baseEnd);
  // Written out, not spread: spreading two objects per field was a fifth of this function's time.
  return {
    original,
    base: base.base,
    baseStart: base.baseStart,
    baseEnd: base.baseEnd,
    baseAltered: base.baseAltered,
    text: compact.text,
    start: compact.start,
    end: compact.end,
    toBase: compact.toBase,
    decoded: compact.decoded,
  };
}

/** How one code point reads in the base view: its folded text, and whether that is a disguise. */
interface FoldedCode {
  readonly folded: string;
  readonly altered: boolean;
  /** The folded text's code unit when it is one, else -1: most characters take the loop's short path. */
  readonly single: number;
  /** The code point folds to itself (one UTF-16 code unit, unchanged). */
  readonly same: boolean;
}

// Per emoji table (one per lexicon), the fold of each code point met, worked out once: the BMP in an
// array (no hashing per character of a text), the rest in a map. A BMP code point that folds to one
// code unit (most do) also has its fold packed in one number in `packed` (see packedFold): read from a
// dense typed array, not from an object somewhere on the heap, whose loads were most of buildBase's time.
const foldTables = new WeakMap<EmojiWords, { bmp: (FoldedCode | undefined)[]; packed: Int32Array; astral: Map<number, FoldedCode> }>();

function foldTableOf(emoji: EmojiWords) {
  let table = foldTables.get(emoji);
  if (table === undefined) {
    table = { bmp: new Array<FoldedCode | undefined>(0x10000), packed: new Int32Array(0x10000), astral: new Map() };
    foldTables.set(emoji, table);
  }
  return table;
}

const PACKED = 1 << 16;
const PACKED_ALTERED = 1 << 17;
const PACKED_SAME = 1 << 18;

/** A fold to one code unit as PACKED | its flags | the code unit; 0 for a fold to none or several. */
function packedFold(fc: FoldedCode): number {
  return fc.single < 0 ? 0 : PACKED | (fc.altered ? PACKED_ALTERED : 0) | (fc.same ? PACKED_SAME : 0) | fc.single;
}

/** The fold of a code point, worked out the first time it is met. */
function foldOf(table: ReturnType<typeof foldTableOf>, cp: number, emoji: EmojiWords): FoldedCode {
  let fc = cp <= 0xffff ? table.bmp[cp] : table.astral.get(cp);
  if (fc === undefined) {
    fc = computeFolded(cp, emoji);
    if (cp <= 0xffff) {
      table.bmp[cp] = fc;
      table.packed[cp] = packedFold(fc);
    } else table.astral.set(cp, fc);
  }
  return fc;
}

function computeFolded(cp: number, emoji: EmojiWords): FoldedCode {
  const word = emoji.get(cp);
  const folded = word ?? foldCodePoint(cp);
  // Emoji words and look-alike letters are disguises; width, case and script variants are not.
  const altered = word !== undefined || (cp > 0x7f && !isHanCode(cp) && !isFullWidth(cp) && folded !== String.fromCodePoint(cp).toLowerCase());
  const single = folded.length === 1 ? folded.charCodeAt(0) : -1;
  return { folded, altered, single, same: cp <= 0xffff && single === cp };
}

// Char codes of the base text being built and their altered flags, reused from text to text (grown when a text needs more).
let codes = new Uint16Array(1024);
let alteredFlags = new Uint8Array(1024);

function buildBase(original: string, emoji: EmojiWords) {
  const table = foldTableOf(emoji);
  const packedBmp = table.packed;
  const baseStart: number[] = [];
  const baseEnd: number[] = [];
  // Module buffers read into locals: a module-level binding is checked at every access in the loop.
  let out = codes;
  let flags = alteredFlags;
  let length = 0;
  let pendingAltered = false;
  // Whether every character folded to itself: then the base text is the original string, not a new one.
  let same = true;
  const n = original.length;
  for (let i = 0; i < n;) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let packed = cp <= 0xffff ? packedBmp[cp]! : 0;
    let fc: FoldedCode | undefined;
    if (packed === 0) {
      fc = foldOf(table, cp, emoji);
      packed = packedFold(fc);
    }
    if (packed !== 0) {
      if ((packed & PACKED_SAME) === 0) same = false;
      const single = packed & 0xffff;
      if (length === out.length) [out, flags] = grownBuffers(length, 1);
      flags[length] = (packed & PACKED_ALTERED) !== 0 || (pendingAltered && isWordCode(single)) ? 1 : 0;
      out[length++] = single;
      baseStart.push(i);
      baseEnd.push(i + width);
      pendingAltered = false;
      i += width;
      continue;
    }
    // A fold to no code unit or to several: never the code point itself.
    same = false;
    const folded = fc!.folded;
    if (folded === '') {
      // An invisible character between two word characters is an evasion; at an edge it is noise.
      pendingAltered = length > 0 && isWordCode(out[length - 1]!);
    } else {
      if (length + folded.length > out.length) [out, flags] = grownBuffers(length, folded.length);
      for (let k = 0; k < folded.length; k++) {
        const c = folded.charCodeAt(k);
        flags[length] = fc!.altered || (pendingAltered && isWordCode(c)) ? 1 : 0;
        out[length++] = c;
        baseStart.push(i);
        baseEnd.push(i + width);
        pendingAltered = false;
      }
    }
    i += width;
  }
  return { base: same ? original : stringOfCodes(out, length), baseStart, baseEnd, baseAltered: flags.slice(0, length) };
}

/** The base buffers grown to hold `more` codes after the first `length`, kept for the next texts. */
function grownBuffers(length: number, more: number): [Uint16Array<ArrayBuffer>, Uint8Array<ArrayBuffer>] {
  const size = Math.max(codes.length * 2, length + more);
  const grown = new Uint16Array(size);
  grown.set(codes.subarray(0, length));
  codes = grown;
  const flags = new Uint8Array(size);
  flags.set(alteredFlags.subarray(0, length));
  alteredFlags = flags;
  return [codes, alteredFlags];
}

/** The string of codes[0, length), in chunks: a call takes only so many arguments. */
function stringOfCodes(codes: Uint16Array, length: number): string {
  const CHUNK = 4096;
  if (length <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  let out = '';
  for (let from = 0; from < length; from += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(from, Math.min(length, from + CHUNK)) as unknown as number[]);
  }
  return out;
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

// Char codes of the compact text being built, reused like `codes` (a string per character cost more than the rest of the view).
let compactCodes = new Uint16Array(1024);

function buildCompact(base: string, baseStart: readonly number[], baseEnd: readonly number[]) {
  const start: number[] = [];
  const end: number[] = [];
  const toBase: number[] = [];
  const n = base.length;
  if (compactCodes.length < n) compactCodes = new Uint16Array(Math.max(compactCodes.length * 2, n));
  // Read into a local: a module-level binding is checked at every access.
  const out = compactCodes;
  let length = 0;
  for (let i = 0; i < n;) {
    const c = base.charCodeAt(i);
    if (isWordCode(c)) {
      out[length++] = c === 0x6c ? 0x69 : c; // l → i: see the view's contract above
      start.push(baseStart[i]!);
      end.push(baseEnd[i]!);
      toBase.push(i);
      i++;
      continue;
    }
    let j = i;
    while (j < n && !isWordCode(base.charCodeAt(j))) j++;
    if (length > 0 && j < n && !shouldJoin(base, i, j)) {
      out[length++] = 0x20;
      start.push(baseStart[i]!);
      end.push(baseEnd[i]!);
      toBase.push(i);
    }
    i = j;
  }
  const decoded = decodeLeet(out, length);
  return { text: stringOfCodes(out, length), start, end, toBase, decoded };
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
  return !isLatinWordCode(base.charCodeAt(i - 2)) && !isLatinWordCode(base.charCodeAt(j + 1));
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

/** Where compact position `from` begins in the original text. */
export const originalStart = (nt: NormalizedText, from: number): number => nt.start[from]!;
/** Where the compact span ending before `to` ends in the original text. */
export const originalEnd = (nt: NormalizedText, to: number): number => nt.end[to - 1]!;

/** The original-text range of compact span [from, to). */
export function originalRange(nt: NormalizedText, from: number, to: number): [number, number] {
  return [originalStart(nt, from), originalEnd(nt, to)];
}
