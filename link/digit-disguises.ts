import { foldText } from './fold-text.js';

/**
 * Numbers written digit by digit in a form no digit fold reads (folded text in and out; disguises.ts
 * runs these before cue words are read):
 *  - Roman numerals, one a digit: "III-I-VII-IV-IX" is 31749 (a QQ number so written);
 *  - Thai number words, one a digit: "แปด หนึ่ง ห้า" is 815, as Chinese and English ones are read elsewhere.
 * Each needs a run prose does not make: five or more numerals joined by dashes or spaces, seven or
 * more Thai number words in a row.
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

// Thai digit words as foldText leaves them (it drops the vowel and tone marks: สี่ is ส, ห้า หา).
const THAI_WORDS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'].map(foldText);
const THAI_DIGIT = new Map(THAI_WORDS.map((w, d) => [w, String(d)]));
const THAI_WORD = `(?:${[...THAI_WORDS].sort((a, b) => b.length - a.length).join('|')})`;
// Thai writes no space between words, so a word may touch the next; a Thai letter after the run is another word.
const THAI_RUN = new RegExp(`(?<![\\u0E01-\\u0E2E\\u0E40-\\u0E44])${THAI_WORD}(?:[\\s,-]*${THAI_WORD}){6,19}(?![\\u0E01-\\u0E2E])`, 'gu');
const THAI_SPLIT = new RegExp(THAI_WORD, 'gu');

export function thaiDigitWords(text: string): string {
  if (!/[\u0E01-\u0E2E]/.test(text)) return text;
  return text.replace(THAI_RUN, (run) => ` ${(run.match(THAI_SPLIT) ?? []).map((w) => THAI_DIGIT.get(w)).join('')} `);
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
