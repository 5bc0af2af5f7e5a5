/**
 * Numbers written digit by digit in a form no digit fold reads (folded text in and out; disguises.ts
 * runs these before cue words are read):
 *  - Roman numerals, one a digit: "III-I-VII-IV-IX" is 31749 (a QQ number so written).
 * It needs a run prose does not make: five or more numerals joined by dashes or spaces. Number words
 * of other languages are read in digit-words.ts.
 */

// I to IX, longest first so VIII is not read as V then III.
const ROMAN: Readonly<Record<string, string>> = { viii: '8', vii: '7', iii: '3', vi: '6', iv: '4', ix: '9', ii: '2', v: '5', i: '1' };
const NUMERAL = '(?:viii|vii|iii|vi|iv|ix|ii|v|i)';
// A bracketed note before the run saying the digits are Roman (罗马数字, "roman"): read, it says nothing more.
const ROMAN_NOTE = '(?:[(（][^()（）]{0,8}(?:罗马|roman)[^()（）]{0,8}[)）]\\s*)?';
const ROMAN_RUN = new RegExp(`${ROMAN_NOTE}([:：]?\\s*)((?<![a-z0-9])${NUMERAL}(?:[-\\s]${NUMERAL}){4,19})(?![a-z0-9])`, 'g');

export function romanDigits(text: string): string {
  if (!/[iv]-?[iv]/.test(text)) return text;
  return text.replace(
    ROMAN_RUN,
    (_, gap: string, run: string) =>
      `${gap === '' ? ' ' : gap}${run
        .split(/[-\s]/)
        .map((n) => ROMAN[n])
        .join('')}`,
  );
}

/** The English words for the digits, as ids are read out ("five five five…") or spelled in the NATO alphabet. */
export const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
