import { CHINESE_DIGITS, foldCodePoint } from '../text/index.js';

/**
 * Text as handle extraction reads it: every code point through the classifier's fold (full-width →
 * ASCII, lower case, Cyrillic/Greek look-alikes → Latin, traditional → simplified, invisible
 * characters dropped), so `ＦＡＣＥ８８`, `fаce88` (Cyrillic а) and `fa\u200bce88` all read `face88`.
 */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldCodePoint(ch.codePointAt(0)!);
  return out;
}

// Handles are read as sellers say them: 两 too (幺三八…, 两个零…), beside the digits masking reads (text/chinese-digits.ts).
const HANDLE_DIGITS: Readonly<Record<string, string>> = { ...CHINESE_DIGITS, 两: '2' };

/** The ASCII digit a character stands for (0-9 or a Chinese numeral), else undefined. */
export function digitOf(ch: string): string | undefined {
  if (ch >= '0' && ch <= '9') return ch;
  return HANDLE_DIGITS[ch];
}

/** Emoji and other symbols sellers put between the characters of a handle to get past filters. */
const FILLER_SYMBOL = /^[\p{Extended_Pictographic}\p{So}\p{Sk}*·•.。,，、~～^|/\\()（）\-—_]$/u;
const SPACE = /^\s$/u;

/** Characters skipped between a cue (加V) and its value: separators, colons, brackets, "号是". */
const LEAD = /^[\s\p{P}\p{S}号码是为账]$/u;

export interface ValueRule {
  /** A character that belongs to the value (its canonical form), or undefined. */
  readonly accept: (ch: string) => string | undefined;
  readonly maxLength: number;
  /** Digits: any gap of up to 3 separators joins; ids: a space joins only a short piece (see readValue). */
  readonly numeric: boolean;
}

/**
 * Reads the value after a cue starting at `from`: skips the lead (": ", "❤", "@"), then collects
 * accepted characters, stepping over disguise between them. Emoji, dots and other symbols between two
 * value characters are always stepped over (nobody writes them inside an id but to hide it). A space
 * is stepped over only inside a number, or when the piece before it is at most 4 characters ("fa ce88")
 * or the piece after it is all digits ("face 88"): "face88 for details" must stay "face88".
 */
export function readValue(text: string, from: number, rule: ValueRule): string {
  const chars = Array.from(text.slice(from, from + 80));
  let i = 0;
  while (i < chars.length && i < 6 && LEAD.test(chars[i]!) && rule.accept(chars[i]!) === undefined) i++;
  let value = '';
  let piece = 0;
  while (i < chars.length && value.length < rule.maxLength) {
    const own = rule.accept(chars[i]!);
    if (own !== undefined) {
      value += own;
      piece++;
      i++;
      continue;
    }
    let j = i;
    let spaces = 0;
    while (j < chars.length && j - i < 3 && rule.accept(chars[j]!) === undefined && (SPACE.test(chars[j]!) || FILLER_SYMBOL.test(chars[j]!))) {
      if (SPACE.test(chars[j]!)) spaces++;
      j++;
    }
    if (j === i || j >= chars.length || rule.accept(chars[j]!) === undefined || value === '') break;
    if (spaces > 0 && !rule.numeric && piece > 4 && !nextPieceIsDigits(chars, j, rule)) break;
    i = j;
    piece = 0;
  }
  return value;
}

function nextPieceIsDigits(chars: readonly string[], at: number, rule: ValueRule): boolean {
  let n = 0;
  for (let k = at; k < chars.length; k++) {
    const own = rule.accept(chars[k]!);
    if (own === undefined) break;
    if (own < '0' || own > '9') return false;
    n++;
  }
  return n > 0;
}
