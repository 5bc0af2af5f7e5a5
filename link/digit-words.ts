import { foldText } from './fold-text.js';

/**
 * Numbers read out one digit a word, in the languages of the markets watched: "nol delapan satu dua …"
 * (Indonesian), "không chín không ba …" (Vietnamese), "공일공 오오오공 …" (Korean), "صفر خمسة خمسة …"
 * (Arabic), "نه یک دو …" (Persian), "nau aath paanch …" / "नौ आठ पाँच …" (Hindi), "saam yat chat …"
 * (Cantonese), "khòng-káu-it-jī …" (Taiwanese Hokkien), "แปด หนึ่ง ห้า …" (Thai). Sellers write a phone or QQ number so to pass a filter that looks
 * for digits. Each number word is also an ordinary word (Vietnamese năm is "year", Hindi do is "two"
 * and English "do", Korean 이 is a particle), so only a run of seven or more in a row is read: the length
 * of the shortest phone number, which prose does not make. Folded text in and out (foldText drops the
 * marks some words carry, so each word is folded here the same way).
 */

interface DigitLanguage {
  /** Words for 0 to 9, each a list of the spellings met. */
  readonly digits: ReadonlyArray<readonly string[]>;
  /** Whether the script writes words without spaces between them (Thai, Korean): then they may touch. */
  readonly touching: boolean;
  /** Letters of the script: a run must not start or end inside a longer word. */
  readonly letter: string;
}

const LATIN = 'a-z\\u00c0-\\u024f\\u1e00-\\u1eff';
const LANGUAGES: readonly DigitLanguage[] = [
  // Indonesian and Malay (kosong "empty" for 0, as phone numbers are read; lapan is Malay 8).
  {
    digits: [['nol', 'kosong'], ['satu'], ['dua'], ['tiga'], ['empat'], ['lima'], ['enam'], ['tujuh'], ['delapan', 'lapan'], ['sembilan']],
    touching: false,
    letter: LATIN,
  },
  // Vietnamese (linh for 0 as in "một linh một"; bảy also written bẩy).
  {
    digits: [['không', 'linh'], ['một'], ['hai'], ['ba'], ['bốn'], ['năm'], ['sáu'], ['bảy', 'bẩy'], ['tám'], ['chín']],
    touching: false,
    letter: LATIN,
  },
  // Hindi in Latin letters, as typed on a phone.
  {
    digits: [
      ['shunya', 'shoonya', 'sunya'],
      ['ek'],
      ['do'],
      ['teen'],
      ['char', 'chaar'],
      ['paanch', 'panch'],
      ['chhe', 'chhah', 'chah'],
      ['saat'],
      ['aath'],
      ['nau'],
    ],
    touching: false,
    letter: LATIN,
  },
  // Cantonese in Jyutping (and the older Yale-like spellings sellers type).
  {
    digits: [['ling'], ['yat', 'jat'], ['yi', 'ji'], ['saam', 'sam'], ['sei'], ['ng', 'mm'], ['luk'], ['chat', 'cat'], ['baat', 'bat'], ['gau']],
    touching: false,
    letter: LATIN,
  },
  // Taiwanese Hokkien in Tâi-lô, tone marks and all ("khòng-káu-it-jī" is 0912).
  {
    digits: [
      ['khòng', 'khong'],
      ['it'],
      ['jī', 'lī', 'ji', 'li'],
      ['sann', 'sam'],
      ['sì', 'si'],
      ['gōo', 'goo'],
      ['la̍k', 'lak'],
      ['tshit', 'chhit'],
      ['peh', 'poeh'],
      ['káu', 'kau'],
    ],
    touching: false,
    letter: LATIN,
  },
  {
    digits: [['शून्य'], ['एक'], ['दो'], ['तीन'], ['चार'], ['पाँच', 'पांच'], ['छह', 'छः', 'छे'], ['सात'], ['आठ'], ['नौ']],
    touching: false,
    letter: '\\u0900-\\u097f',
  },
  {
    digits: [
      ['صفر'],
      ['واحد'],
      ['اثنان', 'اثنين', 'إثنان', 'إثنين'],
      ['ثلاثة', 'ثلاثه', 'ثلاث'],
      ['أربعة', 'اربعة', 'اربعه', 'أربع', 'اربع'],
      ['خمسة', 'خمسه', 'خمس'],
      ['ستة', 'سته', 'ست'],
      ['سبعة', 'سبعه', 'سبع'],
      ['ثمانية', 'ثمانيه', 'ثمان'],
      ['تسعة', 'تسعه', 'تسع'],
    ],
    touching: false,
    letter: '\\u0600-\\u06ff',
  },
  // Persian (ی and the Arabic ي, both typed).
  { digits: [['صفر'], ['یک', 'يك', 'يک'], ['دو'], ['سه'], ['چهار'], ['پنج'], ['شش'], ['هفت'], ['هشت'], ['نه']], touching: false, letter: '\\u0600-\\u06ff' },
  // Sino-Korean digits (공 "empty" for 0, as phone numbers are read; 육 also 륙).
  { digits: [['공', '영'], ['일'], ['이'], ['삼'], ['사'], ['오'], ['육', '륙'], ['칠'], ['팔'], ['구']], touching: true, letter: '\\uac00-\\ud7a3' },
  { digits: [['ศูนย์'], ['หนึ่ง'], ['สอง'], ['สาม'], ['สี่'], ['ห้า'], ['หก'], ['เจ็ด'], ['แปด'], ['เก้า']], touching: true, letter: '\\u0e01-\\u0e2e\\u0e40-\\u0e44' },
];

/** Words of one run, at least: a phone number's length. */
const MIN_WORDS = 7;
const SEPARATOR = '[\\s,，、،.\\-–—]';

interface CompiledLanguage {
  readonly run: RegExp;
  readonly word: RegExp;
  readonly digitOf: ReadonlyMap<string, string>;
  readonly present: RegExp;
}

const COMPILED: readonly CompiledLanguage[] = LANGUAGES.map((lang) => {
  const digitOf = new Map<string, string>();
  lang.digits.forEach((words, d) => words.forEach((w) => digitOf.set(foldText(w), String(d))));
  const word = `(?:${[...digitOf.keys()].sort((a, b) => b.length - a.length).join('|')})`;
  const gap = lang.touching ? `${SEPARATOR}*` : `${SEPARATOR}+`;
  // A word ends where no letter of its script follows (ست is not سته's start); touching scripts check only the run's ends.
  const edge = lang.touching ? '' : `(?![${lang.letter}])`;
  return {
    run: new RegExp(`(?<![${lang.letter}])${word}${edge}(?:${gap}${word}${edge}){${MIN_WORDS - 1},19}(?![${lang.letter}])`, 'gu'),
    word: new RegExp(word, 'gu'),
    digitOf,
    present: new RegExp(`[${lang.letter}]`, 'u'),
  };
});

/** Folded text with each run of seven or more digit words of one language written as its digits. */
export function digitWordRuns(text: string): string {
  let out = text;
  for (const lang of COMPILED) {
    if (!lang.present.test(out)) continue;
    out = out.replace(lang.run, (run) => ` ${(run.match(lang.word) ?? []).map((w) => lang.digitOf.get(w)).join('')} `);
  }
  return out;
}
