import { DIGIT_WORDS } from './digit-disguises.js';
/**
 * Ids spelled so a platform's filter cannot read them, rewritten to the id (folded text in and out;
 * disguises.ts runs these before cue words are read):
 *  - the NATO alphabet: "sierra alpha mike golf oscar underscore victor" is samgo_v;
 *  - upside-down text: "ɹɐɐzɐqɔʎʞ" (read by turning the phone over) is kycbazaar.
 * Each needs what prose does not have: four or more alphabet words in a row, or two or more of the
 * letters that only flipped text uses (ɐ, ɹ, ʞ …), so ordinary text passes through unchanged.
 */

const NATO: Readonly<Record<string, string>> = {
  alpha: 'a',
  alfa: 'a',
  bravo: 'b',
  charlie: 'c',
  delta: 'd',
  echo: 'e',
  foxtrot: 'f',
  golf: 'g',
  hotel: 'h',
  india: 'i',
  juliet: 'j',
  juliett: 'j',
  kilo: 'k',
  lima: 'l',
  mike: 'm',
  november: 'n',
  oscar: 'o',
  papa: 'p',
  quebec: 'q',
  romeo: 'r',
  sierra: 's',
  tango: 't',
  uniform: 'u',
  victor: 'v',
  whiskey: 'w',
  whisky: 'w',
  xray: 'x',
  'x-ray': 'x',
  yankee: 'y',
  zulu: 'z',
};
// Words that may sit between the letters of a spelled id: its punctuation and digits.
const ID_WORDS: Readonly<Record<string, string>> = {
  underscore: '_',
  dash: '-',
  hyphen: '-',
  dot: '.',
  ...DIGIT_WORDS,
};
// Maps, not the records: a word of the text may be "constructor".
const NATO_LETTER = new Map(Object.entries(NATO));
const ID_WORD_CHAR = new Map(Object.entries(ID_WORDS));
/** Letters a run must spell at least: "echo delta" or "golf hotel" in prose are words, not an id. */
const MIN_LETTERS = 4;
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || c === 0x2d;
const isGap = (c: number) => c === 0x20 || c === 0x2c || c === 0x0a || c === 0x09;

/** Each run of spelling words with MIN_LETTERS NATO letters or more, rewritten (one scan of the text: an alternation of 40 words tried at every letter cost five times more). */
export function natoSpelled(text: string): string {
  let out = '';
  let copied = 0;
  // The run being read: where it starts and ends in the text, what it spells, and its NATO letters.
  let start = -1;
  let end = -1;
  let spelled = '';
  let letters = 0;
  const close = () => {
    if (start >= 0 && letters >= MIN_LETTERS) {
      out += text.slice(copied, start) + spelled;
      copied = end;
    }
    start = -1;
    spelled = '';
    letters = 0;
  };
  let i = 0;
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i))) {
      // Only spaces and commas may stand between the words of a run.
      if (start >= 0 && !isGap(text.charCodeAt(i))) close();
      i++;
      continue;
    }
    const from = i;
    while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    const word = text.slice(from, i);
    const letter = NATO_LETTER.get(word);
    const other = letter === undefined ? ID_WORD_CHAR.get(word) : undefined;
    if (letter === undefined && other === undefined) {
      close();
      continue;
    }
    if (start < 0) start = from;
    end = i;
    spelled += letter ?? other;
    if (letter !== undefined) letters++;
  }
  close();
  return copied === 0 ? text : out + text.slice(copied);
}

// Letters as flipped text draws them (after foldText, which leaves these IPA letters as they are), and
// the letters that turned over are another letter. Any other letter or digit is itself turned over.
const FLIPPED_ONLY: Readonly<Record<string, string>> = {
  ɐ: 'a',
  ɔ: 'c',
  ǝ: 'e',
  ɟ: 'f',
  ƃ: 'g',
  ɥ: 'h',
  ᴉ: 'i',
  ɾ: 'j',
  ʞ: 'k',
  ɯ: 'm',
  ɹ: 'r',
  ʇ: 't',
  ʌ: 'v',
  ʍ: 'w',
  ʎ: 'y',
};
const TURNED = new Map(Object.entries({ q: 'b', b: 'q', d: 'p', p: 'd', n: 'u', u: 'n', '6': '9', '9': '6', ...FLIPPED_ONLY }));
const FLIPPED_RUN = new RegExp(`[a-z0-9_${Object.keys(FLIPPED_ONLY).join('')}]{3,40}`, 'gu');
const FLIPPED_LETTER = new RegExp(`[${Object.keys(FLIPPED_ONLY).join('')}]`, 'gu');
const HAS_FLIPPED_LETTER = new RegExp(FLIPPED_LETTER.source, 'u');

export function upsideDown(text: string): string {
  if (!HAS_FLIPPED_LETTER.test(text)) return text;
  return text.replace(FLIPPED_RUN, (run) =>
    (run.match(FLIPPED_LETTER)?.length ?? 0) < 2
      ? run
      : Array.from(run)
          .reverse()
          .map((ch) => TURNED.get(ch) ?? ch)
          .join(''),
  );
}
