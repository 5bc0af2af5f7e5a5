import { CHINESE_DIGITS, foldCodePoint } from '../text/index.js';

/**
 * Text as the number detectors read it: every way of writing a digit becomes an ASCII digit, each
 * view character keeping the range of ORIGINAL UTF-16 offsets it came from, so a number found here
 * is masked in the text as written, character by character.
 *
 * The classifier's per-character fold does the Unicode work (NFKC: full-width ０-９ and circled
 * ① digits; X → x; zero-width and other invisible characters dropped). Chinese numerals are added
 * here: they are numbers only to a reader of phone and ID numbers, not to the classifier.
 *
 * Separators between digits are kept, not dropped: dropping them would join two numbers written
 * side by side ("13812345678 13912345678") into one run that is neither. The patterns let up to
 * MAX_GAP separators stand between two digits instead. Everything else (words, letters but x,
 * punctuation) only has to be seen as not part of a number: each run of it is one '#'.
 */
export interface DigitView {
  readonly text: string;
  /** Original range [start[k], end[k]) of text[k]; empty for the marker between digit scripts. */
  readonly start: readonly number[];
  readonly end: readonly number[];
  /** How many digits `text` holds. */
  readonly digits: number;
}

/**
 * Put between an Arabic digit and a Chinese numeral that touch: a number may start there (第一13812345678:
 * the phone starts after 一) or run through it (1三8…), so it is both a boundary and a separator.
 */
export const SCRIPT_CHANGE = '\u0001';
const SCRIPT_CHANGE_CODE = SCRIPT_CHANGE.charCodeAt(0);

/** Characters that may stand between the digits of one written number: spaces, dashes, dots, brackets. */
const SEPARATOR_CHARS = ` \t-\u2010\u2011\u2013\u2014\u2212.\u00b7()[]_${SCRIPT_CHANGE}`;
export const SEPARATOR = `[${SEPARATOR_CHARS.replace(/[\\\][^-]/g, '\\$&')}]`;
export const MAX_GAP = 3;
/** A gap between two digits of one number. */
export const GAP = `${SEPARATOR}{0,${MAX_GAP}}`;

/** Stands for a run of anything that is no digit, separator, '+' (international numbers) or x (ID check character). */
const OTHER_CODE = 0x23; // '#'
const KEPT = new Uint8Array(0x10000);
for (const c of `${SEPARATOR_CHARS}+x`) KEPT[c.charCodeAt(0)] = 1;

// A view character's code, with this bit set when it is a digit read from a Chinese numeral.
const CHINESE = 0x10000;
// What the view makes of each BMP code unit, worked out once per unit: one character (its code,
// maybe | CHINESE), nothing (DROPPED: invisible), or SLOW: several characters, or half of a surrogate
// pair, read through foldCodePoint each time (rare: circled numbers, mathematical digits, emoji).
const UNKNOWN = -1;
const DROPPED = -2;
const SLOW = -3;
const unitView = new Int32Array(0x10000).fill(UNKNOWN);

/** The folded characters (code | CHINESE) of one code point. */
function foldedCodes(cp: number): number[] {
  if (cp === 0x58) return [0x78]; // X → x: the check character of an ID
  if (cp < 0x80) return [cp];
  const out: number[] = [];
  for (const f of foldCodePoint(cp)) {
    const chinese = CHINESE_DIGITS[f];
    out.push(chinese === undefined ? f.charCodeAt(0) : chinese.charCodeAt(0) | CHINESE);
  }
  return out;
}

function unitCode(c: number): number {
  let v = unitView[c]!;
  if (v === UNKNOWN) {
    const codes = c >= 0xd800 && c <= 0xdfff ? null : foldedCodes(c);
    v = codes === null || codes.length > 1 ? SLOW : codes.length === 0 ? DROPPED : codes[0]!;
    unitView[c] = v;
  }
  return v;
}

const isDigitCode = (v: number) => (v & 0xffff) >= 0x30 && (v & 0xffff) <= 0x39;

/**
 * How many characters of the text may be digits (counting every SLOW one): a cheap first look, so
 * text with too few digits for any number is never given a view.
 */
export function countDigitLike(original: string): number {
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    const v = c < 0x80 ? c : unitCode(c);
    if (v === SLOW || isDigitCode(v)) n++;
  }
  return n;
}

export function digitView(original: string): DigitView {
  const view = new ViewBuilder();
  for (let i = 0; i < original.length;) {
    const c = original.charCodeAt(i);
    const v = c < 0x80 ? (c === 0x58 ? 0x78 : c) : unitCode(c);
    if (v >= 0) {
      view.emit(v, i, i + 1);
      i++;
    } else if (v === SLOW) {
      const cp = original.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      for (const code of foldedCodes(cp)) view.emit(code, i, i + width);
      i += width;
    } else {
      i++; // DROPPED
    }
  }
  return view.done();
}

/** The view being built (a class with plain arrays: it is built for every row shown, and this is fastest). */
class ViewBuilder {
  private readonly codes: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private digits = 0;
  /** What the last view character is: 0 a separator, 1 an Arabic digit, 2 a Chinese numeral, 3 '#'. */
  private last = 0;

  emit(v: number, from: number, to: number): void {
    const code = v & 0xffff;
    if (isDigitCode(v)) {
      const kind = v & CHINESE ? 2 : 1;
      if ((this.last === 1 || this.last === 2) && this.last !== kind) this.put(SCRIPT_CHANGE_CODE, 0, from, from);
      this.digits++;
      this.put(code, kind, from, to);
    } else if (KEPT[code] === 1) this.put(code, 0, from, to);
    else if (this.last === 3) this.end[this.end.length - 1] = to;
    else this.put(OTHER_CODE, 3, from, to);
  }

  private put(code: number, kind: number, from: number, to: number): void {
    this.codes.push(code);
    this.start.push(from);
    this.end.push(to);
    this.last = kind;
  }

  done(): DigitView {
    let text = '';
    // In slices: fromCharCode takes its characters as arguments, and argument lists are bounded.
    for (let i = 0; i < this.codes.length; i += 4096) text += String.fromCharCode.apply(null, this.codes.slice(i, i + 4096));
    return { text, start: this.start, end: this.end, digits: this.digits };
  }
}

/** The original text with the characters behind view characters `indices` as '*' (one per UTF-16 unit: offsets stay). */
export function starOriginal(original: string, view: DigitView, indices: readonly number[]): string {
  const ordered = [...indices].sort((a, b) => a - b);
  let out = '';
  let from = 0;
  for (const k of ordered) {
    // Two view digits may come from one character (⑩ is 1 and 0): each character is starred once.
    const s = Math.max(view.start[k]!, from);
    const e = view.end[k]!;
    if (e <= s) continue;
    out += original.slice(from, s) + '*'.repeat(e - s);
    from = e;
  }
  return from === 0 ? original : out + original.slice(from);
}
