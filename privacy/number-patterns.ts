import { GAP, SCRIPT_CHANGE, SEPARATOR } from './digit-view.js';
import { hasNumberGrouping, isChineseIdNumber, isOldChineseIdNumber, passesLuhn } from './number-checks.js';

/**
 * The numbers masked in shown text, read in the digit view (see digit-view.ts): how each is
 * written, what it must satisfy, and how many of its digits stay visible so an investigator can
 * still tell two numbers apart. Earlier patterns win: a digit one pattern masked is not read again.
 *
 * Every pattern starts and ends at a digit boundary, and letters do not count as digits, so a
 * prefix (sfz440…, vx138…) does not hide a number. Quantities, prices and 8–10 digit QQ numbers
 * match nothing here, and a match must be grouped the way a number is written (isNumber), so
 * decimals and dates in a row are not read as one.
 */
export interface NumberPattern {
  readonly name: string;
  /** Global; matched against the digit view. */
  readonly re: RegExp;
  /** Checked on the digits alone (separators removed). */
  readonly valid?: (digits: string) => boolean;
  /** Any grouping is taken (see hasNumberGrouping): for numbers that need a '+' to match at all. */
  readonly anyGrouping?: true;
  readonly keepStart: number;
  readonly keepEnd: number;
}

/** The fewest digits any pattern below matches (the international one): a run with fewer is masked by none. */
export const MIN_NUMBER_DIGITS = 8;

const SEPARATOR_RUN = new RegExp(`(${SEPARATOR}+)`);

/** Whether a match of pattern `p` in the view (`written`, its digits `digits`) is the number it names. */
export function isNumber(p: NumberPattern, digits: string, written: string): boolean {
  if (p.valid && !p.valid(digits)) return false;
  if (p.anyGrouping) return true;
  // Groups and the separators between them; a change of script breaks no group, a leading '+' or '(' is none.
  const parts = written
    .replaceAll(SCRIPT_CHANGE, '')
    .replace(/^[^\dx]+/, '')
    .split(SEPARATOR_RUN);
  return hasNumberGrouping(
    parts.filter((_, i) => i % 2 === 0),
    parts.filter((_, i) => i % 2 === 1),
  );
}

/** `min` to `max` more digits, each after a gap of separators. */
const more = (min: number, max = min) => `(?:${GAP}\\d){${min},${max}}`;
const bounded = (body: string, notAfter = '\\d') => new RegExp(`(?<![${notAfter}])${body}(?!\\d)`, 'g');

/** A mainland mobile: 1[3-9] and 9 digits. */
const MOBILE = `1${GAP}[3-9]${more(9)}`;
// After a '+' other than +86 a mobile's shape is an international number (+1 415 555 0132): that pattern's.
const NOT_AFTER_DIGIT_OR_PLUS = '\\d+';

export const NUMBER_PATTERNS: readonly NumberPattern[] = [
  // Resident ID: 17 digits and a check character; the checksum keeps 18-digit order numbers out.
  { name: 'id', re: bounded(`\\d${more(16)}${GAP}[\\dx]`), valid: isChineseIdNumber, keepStart: 2, keepEnd: 2 },
  // A mobile with its country code (+86, 0086, 86); before cards, which a tenth of these 13 digits would pass for.
  { name: 'mobile-86', re: bounded(`(?:\\+|00)?86${GAP}${MOBILE}`, NOT_AFTER_DIGIT_OR_PLUS), keepStart: 3, keepEnd: 2 },
  // Bank card: 13–19 digits passing Luhn.
  { name: 'card', re: bounded(`\\d${more(12, 18)}`), valid: passesLuhn, keepStart: 0, keepEnd: 4 },
  // Resident ID of the old 15-digit format (no checksum); after cards: a run that passes both is masked either way.
  { name: 'old-id', re: bounded(`\\d${more(14)}`), valid: isOldChineseIdNumber, keepStart: 2, keepEnd: 2 },
  { name: 'mobile', re: bounded(MOBILE, NOT_AFTER_DIGIT_OR_PLUS), keepStart: 3, keepEnd: 2 },
  // Landline: area code 010, 02x or 0xxx, then a 7–8 digit number.
  { name: 'landline', re: bounded(`0(?:10|2\\d|[3-9]\\d\\d)${GAP}\\d${more(6, 7)}`), keepStart: 3, keepEnd: 2 },
  // International: '+', country code and number, 8–17 digits in all.
  { name: 'international', re: new RegExp(`\\+${GAP}\\d${more(7, 16)}(?!\\d)`, 'g'), anyGrouping: true, keepStart: 2, keepEnd: 2 },
];
