import * as OpenCC from 'opencc-js/t2cn';

/**
 * Folds one code point to what the classifier compares: NFKC (full-width → half-width, ligatures,
 * circled digits), lower case, Latin look-alikes from Cyrillic/Greek, and traditional → simplified
 * Chinese. Results are cached per code point: the work is done once per distinct character.
 */

// Characters that render as nothing or next to nothing; sellers put them inside words to break filters.
const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}\u115f\u1160\u3164\uffa0\u2800\u180e]$/u;

// Look-alikes used to break Latin keywords (sеlfie with Cyrillic е). Small on purpose: only letters
// that are indistinguishable in common fonts; anything broader would mangle real Cyrillic text we never score anyway.
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ѕ: 's',
  ј: 'j',
  к: 'k',
  м: 'm',
  т: 't',
  н: 'h',
  в: 'b',
  ԁ: 'd',
  ɡ: 'g',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  τ: 't',
  '➕': '+',
  '＋': '+',
  '﹢': '+',
};

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const cache = new Map<number, string>();

/** '' for invisible characters; otherwise the folded text (usually one character, NFKC may give more). */
export function foldCodePoint(cp: number): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const folded = computeFold(cp);
  cache.set(cp, folded);
  return folded;
}

function computeFold(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (INVISIBLE.test(ch)) return '';
  let out = ch.normalize('NFKC').toLowerCase();
  out = CONFUSABLES[out] ?? out;
  if (isHanCode(cp)) out = toSimplified(out);
  return out;
}

// Letters that carry no combining mark to strip: a stroke or a ligature.
const UNDECOMPOSED: Readonly<Record<string, string>> = { đ: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ħ: 'h', ı: 'i' };
const latinBases = new Map<number, string>();

/**
 * The ASCII letters an accented Latin letter stands for (é → e, Vietnamese ặ → a, đ → d), or '' when
 * `cp` is none (outside Latin-1 Supplement to Latin Extended Additional): a relist that drops or keeps a
 * language's accents is the same ad (link/shingles.ts). foldCodePoint does not fold accents: retrained on
 * accent-folded text, the shipped model scored the press's own 手持身份证照 五毛一张 加V详聊 0.65 instead of
 * 0.95, so tone-marked pinyin stays a known gap of the classifier.
 */
export function latinBase(cp: number): string {
  if (cp < 0xc0 || cp > 0x1eff || (cp > 0x24f && cp < 0x1e00)) return '';
  let base = latinBases.get(cp);
  if (base === undefined) {
    const ch = String.fromCodePoint(cp).toLowerCase();
    base = UNDECOMPOSED[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (!/^[a-z]{1,2}$/.test(base)) base = '';
    latinBases.set(cp, base);
  }
  return base;
}

/** CJK unified ideographs (basic, extension A, compatibility); the ones Chinese listings use. */
export function isHanCode(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff);
}

export function isLatinOrDigitCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/**
 * A character of a Latin word: an ASCII letter or digit, or an accented Latin letter (é, ñ, Vietnamese
 * ặ, đ), which foldCodePoint keeps as written. Where a word starts or ends: the v of Vietnamese ví
 * (wallet), và (and) or vậy is not a word "v" (加V, the trade's WeChat contact) beside a letter that is
 * none, and the n of tuần này is not a letter someone spaced out.
 */
export function isLatinWordCode(c: number): boolean {
  if (c < 0x80) return isLatinOrDigitCode(c);
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

export function isLetterCode(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
