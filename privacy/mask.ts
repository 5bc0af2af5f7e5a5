import { countDigitLike, digitView, starOriginal, type DigitView } from './digit-view.js';
import { isNumber, MIN_NUMBER_DIGITS, NUMBER_PATTERNS } from './number-patterns.js';

export { isChineseIdNumber, passesLuhn } from './number-checks.js';

/**
 * Masks identity numbers in text shown or exported, keeping every character's position (each
 * masked digit, however written, becomes '*'), so evidence offsets still point at the same text.
 * - Chinese resident ID numbers: 18 characters with a valid checksum, or the old 15-digit format.
 * - Bank card numbers: 13–19 digits passing the Luhn check.
 * - Phone numbers: Chinese mobiles and landlines, and international +NN… numbers.
 * Numbers are found in the digit view (full-width, circled and Chinese-numeral digits read as
 * digits, invisible characters skipped, separators allowed between digits); see number-patterns.ts.
 */
export function maskSensitive(text: string): string {
  // Most text (titles, prices) holds too few digits for any number: the common case stops here.
  if (countDigitLike(text) < MIN_NUMBER_DIGITS) return text;
  const view = digitView(text);
  return starOriginal(text, view, hiddenDigits(view));
}

const NOT_DIGIT = /[^\dx]/g;
const DIGITS = /[\dx]/g;
const isDigitChar = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x78;

/** Indices in the view of the digits to hide: every digit of a found number but its first and last few. */
function hiddenDigits(view: DigitView): number[] {
  const hidden: number[] = [];
  let text = view.text;
  for (const p of NUMBER_PATTERNS) {
    const found: number[] = []; // start and end of each number found, in order
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      const written = m[0];
      const digits = written.replace(NOT_DIGIT, '');
      if (!isNumber(p, digits, written)) {
        // Not this number here; a shorter one may still start at the next group.
        p.re.lastIndex = m.index + 1;
        continue;
      }
      let seen = 0;
      for (let k = m.index; k < m.index + written.length; k++) {
        if (!isDigitChar(text.charCodeAt(k))) continue;
        seen++;
        if (seen > p.keepStart && seen <= digits.length - p.keepEnd) hidden.push(k);
      }
      found.push(m.index, m.index + written.length);
    }
    // A number's digits, shown ones included, are not read again by a later pattern.
    if (found.length > 0) text = withDigitsStarred(text, found);
  }
  return hidden;
}

/** The view with the digits in ranges [found[2i], found[2i + 1]) as '*'; one pass, however many ranges. */
function withDigitsStarred(text: string, found: readonly number[]): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < found.length; i += 2) {
    out += text.slice(from, found[i]) + text.slice(found[i], found[i + 1]).replace(DIGITS, '*');
    from = found[i + 1]!;
  }
  return out + text.slice(from);
}
