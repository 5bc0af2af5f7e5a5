import { digitOf } from './fold-text.js';

/**
 * Numbers written digit by digit in a form no digit fold reads (folded text in and out; disguises.ts
 * runs these before cue words are read):
 *  - Roman numerals, one a digit: "III-I-VII-IV-IX" is 31749 (a QQ number so written);
 *  - English digit words mixed with Chinese numerals: "six五五五 零three八一" is 65550381.
 * Each needs a run prose does not make: five or more numerals joined by dashes or spaces, or seven
 * digits of the two languages mixed. Number words of other languages are read in digit-words.ts.
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

// "six五五五 零three八一": English digit words mixed with Chinese numerals (or digits), so neither
// language's reader sees a number. Read when the run mixes both and gives seven digits or more (a phone's
// length); English words alone are spelledDigits' (disguises.ts), numerals alone are read by the cue.
const EN_DIGIT = '(?<![a-z])(?:zero|one|two|three|four|five|six|seven|eight|nine)(?![a-z])';
const CN_DIGITS = '[0-9〇零一幺二两三四五六七八九]+';
const MIXED_RUN = new RegExp(`(?:${EN_DIGIT}|${CN_DIGITS})(?:[\\s-]*(?:${EN_DIGIT}|${CN_DIGITS})){1,20}`, 'g');
const EN_WORD = new RegExp(EN_DIGIT, 'g');
const EN_WORD_PRESENT = new RegExp(EN_DIGIT);

export function mixedDigitWords(text: string): string {
  if (!/[〇零一幺二两三四五六七八九]/.test(text) || !EN_WORD_PRESENT.test(text)) return text;
  return text.replace(MIXED_RUN, (run) => {
    if (!/[a-z]/.test(run) || !/[〇零一幺二两三四五六七八九]/.test(run)) return run;
    const digits = Array.from(
      run.replace(EN_WORD, (w) => DIGIT_WORDS[w]!),
      (ch) => digitOf(ch) ?? '',
    ).join('');
    return digits.length >= 7 ? ` ${digits} ` : run;
  });
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
