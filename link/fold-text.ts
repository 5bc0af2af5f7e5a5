import { CHINESE_DIGITS, foldCodePoint } from '../text/index.js';
import { keepingLastFew } from './last-few.js';

/**
 * Text as handle extraction reads it: every code point through the classifier's fold (full-width →
 * ASCII, lower case, Cyrillic/Greek look-alikes → Latin, traditional → simplified, invisible
 * characters dropped), so `ＦＡＣＥ８８`, `fаce88` (Cyrillic а) and `fa\u200bce88` all read `face88`.
 */
export const foldText: (text: string) => string = keepingLastFew(4, (text) =>
  // Every emoji letter is an astral code point whose high surrogate is U+D83C: most texts skip the rewrite.
  foldAll(text.includes('\uD83C') ? emojiLettersToLatin(text) : text),
);

function foldAll(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII is most of the text a linker reads: fold it without the shared fold's lookups.
    if (c < 0x80) {
      out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : text[i];
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    let folded = FOLDED.get(cp);
    if (folded === undefined) {
      folded = LOOKALIKES[String.fromCodePoint(cp)] ?? otherScriptDigit(cp) ?? foldCodePoint(cp);
      FOLDED.set(cp, folded);
    }
    out += folded;
  }
  return out;
}

// Letters drawn as emoji, which no Unicode fold maps to Latin: regional indicators 🇦-🇿 (two make a
// flag), negative circled 🅐-🅩 and negative squared 🅰-🆉. Sellers spell ids with them (LINE：🇾🇦🇾🇦.face88).
const EMOJI_LETTER_RUN = /[\u{1F1E6}-\u{1F1FF}\u{1F150}-\u{1F169}\u{1F170}-\u{1F189}]+/gu;
const ID_NEIGHBOUR = /[A-Za-z0-9._@-]/;

function emojiLetter(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const base = cp >= 0x1f1e6 ? 0x1f1e6 : cp >= 0x1f170 ? 0x1f170 : 0x1f150;
  return String.fromCharCode(0x61 + cp - base);
}

/**
 * Runs of emoji letters as Latin letters when they are spelling: touching an id character, or longer
 * than one flag. A flag alone ("🇸🇬 seller", "TG 🇲🇾 sgfaceco") stays an emoji, or it would become the
 * first letters of the id after it.
 */
export function emojiLettersToLatin(text: string): string {
  return text.replace(EMOJI_LETTER_RUN, (run, at: number) => {
    const letters = Array.from(run);
    const touching = ID_NEIGHBOUR.test(text[at - 1] ?? '') || ID_NEIGHBOUR.test(text[at + run.length] ?? '');
    return touching || letters.length > 2 ? letters.map(emojiLetter).join('') : run;
  });
}

// Decimal digits of the scripts of the markets watched, which NFKC leaves as they are (it folds
// full-width and mathematical digits): a Thai seller writes "ไลน์ thaikyc๘๘๒" or "๐๘๑-๕๕๕-๐๙๒๗".
// Each script's digits are ten code points in a row from its zero (Unicode encodes every decimal digit
// set so). Arabic-Indic, Persian, Devanagari, Bengali, Thai, Lao, Myanmar, Khmer.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x0ed0, 0x1040, 0x17e0];

function otherScriptDigit(cp: number): string | undefined {
  for (const zero of DIGIT_ZEROS) if (cp >= zero && cp < zero + 10) return String.fromCharCode(0x30 + cp - zero);
  return undefined;
}

/** Fold of each non-ASCII code point met so far (a few thousand: the characters listings are written in). */
const FOLDED = new Map<number, string>();

// Latin look-alikes the shared fold leaves alone (it maps Cyrillic and Greek): IPA ɑ and ɡ, dotless ı.
const LOOKALIKES: Readonly<Record<string, string>> = { ɑ: 'a', ɡ: 'g', ı: 'i' };

// Handles are read as sellers say them: 两 too (幺三八…, 两个零…), beside the digits masking reads (text/chinese-digits.ts).
// 参 (simplified 參, which folds to it) is the banker's 3 too. The radio reading (幺两三四五六拐八勾洞: 7 as
// 拐, 9 as 勾, 0 as 洞, so digits are not misheard) and the Suzhou numerals 〡-〩 of old shop price tags
// are how a number is written to pass a filter; one in prose after a cue is too short to be a number.
const HANDLE_DIGITS: Readonly<Record<string, string>> = {
  ...CHINESE_DIGITS,
  两: '2',
  参: '3',
  拐: '7',
  勾: '9',
  洞: '0',
  ...Object.fromEntries(Array.from({ length: 9 }, (_, k) => [String.fromCharCode(0x3021 + k), String(k + 1)])),
};

/** The ASCII digit a character stands for (0-9 or a Chinese numeral), else undefined. */
export function digitOf(ch: string): string | undefined {
  if (ch >= '0' && ch <= '9') return ch;
  return HANDLE_DIGITS[ch];
}

/** Emoji and other symbols sellers put between the characters of a handle to get past filters. */
// 丨 (a Han stroke, U+4E28) is drawn as a bar between letters: x丨i丨a丨o.
const FILLER_SYMBOL = /^[\p{Extended_Pictographic}\p{So}\p{Sk}*·•.。,，、~～^|/\\()（）\-—_丨]$/u;
const SPACE = /^\s$/u;
const HAN = /^\p{Script=Han}$/u;

/** Characters skipped between a cue (加V) and its value: separators, colons, brackets, "号是". */
const LEAD = /^[\s\p{P}\p{S}号码是为账同]$/u;

/** Chinese numerals (not 0-9): inside an id they count only two or more in a row (see readValue). */
export const isChineseDigit = (ch: string) => HANDLE_DIGITS[ch] !== undefined;

/**
 * Words a spaced-out value never continues into: English function words ("@kycdepot on telegram is a
 * scammer" is no id "isascammer") and app names ("h k f a c e 1 6 8 / WA …" ends before the WA).
 */
const STOP_WORDS = new Set(
  'an the is are was on in at of or and to for from me my our us via only then no not with see ask add dm pm pls please if it this that by id qq vx wx tg wa line wechat telegram whatsapp email mail phone tel call'.split(
    ' ',
  ),
);

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
  // A Chinese numeral alone after an id is a word (face88 一手资源 is not face881); two or more spell digits (tongguo三六五).
  const accept = (k: number): string | undefined => {
    const ch = chars[k]!;
    if (rule.numeric || !isChineseDigit(ch)) return rule.accept(ch);
    const before = chars[k - 1] ?? '';
    const after = chars[k + 1] ?? '';
    if (isChineseDigit(before) || isChineseDigit(after)) return digitOf(ch);
    // One numeral written onto the id ("face8八", "lab七") unless a word goes on after it ("face88一手").
    return /^[a-z0-9]$/.test(before) && !HAN.test(after) ? digitOf(ch) : undefined;
  };
  let i = 0;
  while (i < chars.length && i < 6 && LEAD.test(chars[i]!) && accept(i) === undefined) i++;
  if (!rule.numeric && stopWordAt(chars, i, rule)) return '';
  let value = '';
  let piece = 0;
  while (i < chars.length && value.length < rule.maxLength) {
    const own = accept(i);
    if (own !== undefined) {
      value += own;
      piece++;
      i++;
      continue;
    }
    let j = i;
    let spaces = 0;
    let plus = false;
    while (j < chars.length && j - i < 3 && accept(j) === undefined && (SPACE.test(chars[j]!) || FILLER_SYMBOL.test(chars[j]!) || chars[j] === '+')) {
      if (SPACE.test(chars[j]!)) spaces++;
      if (chars[j] === '+') plus = true;
      j++;
    }
    if (j === i || j >= chars.length || accept(j) === undefined || value === '') break;
    if (!rule.numeric && stopWordAt(chars, j, rule)) break;
    // "138 0000 4417 + wx …" ends the number; "kycdepot + s", "hk + face + 168" spell one id.
    if (plus && rule.numeric) break;
    // An underscore beside the gap says the id goes on ("idkit _ hub", "twid _ 888").
    const underscore = value.endsWith('_') || accept(j) === '_';
    if (spaces > 0 && !plus && !underscore && !rule.numeric && piece > 4 && !nextPieceIsDigits(chars, j, accept)) break;
    i = j;
    piece = 0;
  }
  return value;
}

/**
 * A stop word at `at` standing as a word: "dm" in "tg: dm me" ends the value, "dm" in "tg: dm_facebase"
 * or "me" in "me2024" begins an id (a digit or '_' goes on right after its letters).
 */
function stopWordAt(chars: readonly string[], at: number, rule: ValueRule): boolean {
  const word = wordAt(chars, at);
  if (!STOP_WORDS.has(word)) return false;
  const next = chars[at + word.length];
  return next === undefined || !/^[0-9_]$/.test(rule.accept(next) ?? '');
}

/** The run of Latin letters at `at` ("" when none). */
function wordAt(chars: readonly string[], at: number): string {
  let w = '';
  for (let k = at; k < chars.length && /^[a-z]$/.test(chars[k]!); k++) w += chars[k];
  return w;
}

// "kyc_shop 二零二六": Chinese numerals count as the digits they are (accept reads a run of two or more so).
function nextPieceIsDigits(chars: readonly string[], at: number, accept: (k: number) => string | undefined): boolean {
  let n = 0;
  for (let k = at; k < chars.length; k++) {
    const own = accept(k);
    if (own === undefined) break;
    if (own < '0' || own > '9') return false;
    n++;
  }
  return n > 0;
}
