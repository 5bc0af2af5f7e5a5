import { digitOf } from './fold-text.js';
import { keepingLastFew } from './last-few.js';
import { saidCountryCodes } from './country-codes.js';
import { decodedNotes } from './decode-notes.js';
import { DIGIT_WORDS, mixedDigitWords, romanDigits } from './digit-disguises.js';
import { digitWordRuns } from './digit-words.js';
import { natoSpelled, upsideDown } from './letter-disguises.js';
import { spellOutIds } from './spelled-ids.js';
import { symbolLegends } from './symbol-legend.js';

/**
 * Rewrites of folded text that turn a spelled-out disguise back into the characters it stands for,
 * before cue words are read (contact-handles.ts). Each rewrite needs context that plain prose does not
 * have (a bracketed [at], seven number words in a row, a digit on both sides of an O), so ordinary text
 * passes through unchanged.
 */

const NUMBER_WORDS: Readonly<Record<string, string>> = { ...DIGIT_WORDS, oh: '0' };
// Seven or more number words in a row is a phone number read out ("two-oh-two five-five-five …"); fewer is prose.
const SPELLED_NUMBER =
  /(?:\bplus\s+)?\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?:[\s-]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b){6,}/g;

function spelledDigits(text: string): string {
  return text.replace(SPELLED_NUMBER, (run) => {
    const plus = run.startsWith('plus') ? '+' : '';
    return (
      plus +
      run
        .replace(/^plus\s+/, '')
        .split(/[\s-]+/)
        .map((w) => NUMBER_WORDS[w])
        .join('')
    );
  });
}

// Pinyin of digits, five or more in a row, is a number read out ("er qi si yao wu …", yao = 1 as on the
// phone); fewer are a name (liu qi) or prose. Commas may group them ("yao qi ling, ling ling ling ling").
const PINYIN_DIGITS: Readonly<Record<string, string>> = {
  ling: '0',
  yi: '1',
  yao: '1',
  er: '2',
  liang: '2',
  san: '3',
  si: '4',
  wu: '5',
  liu: '6',
  qi: '7',
  ba: '8',
  jiu: '9',
};
const PINYIN_SYLLABLE = '(?:ling|yi|yao|er|liang|san|si|wu|liu|qi|ba|jiu)';
const PINYIN_NUMBER = new RegExp(`(?<![a-z])${PINYIN_SYLLABLE}(?:[\\s,，、-]+${PINYIN_SYLLABLE}(?![a-z])){4,}`, 'g');

function pinyinDigits(text: string): string {
  return text.replace(PINYIN_NUMBER, (run) =>
    run
      .split(/[\s,，、-]+/)
      .map((w) => PINYIN_DIGITS[w])
      .join(''),
  );
}

// "2741583600 + 9", "yuehua_ 2000+25": a number given as a round one plus what ends it. Read only when
// the added part fits in the trailing zeros (a sum, not two numbers side by side: "138 0000 4417 + 1").
const ROUND_PLUS = /(?<![0-9])([0-9]*?)(0+)\s*\+\s*([1-9][0-9]*)(?![0-9])/g;

function roundPlus(text: string): string {
  return text.replace(ROUND_PLUS, (all, head: string, zeros: string, tail: string) =>
    tail.length <= zeros.length && head.length + zeros.length >= 4 ? `${head}${zeros.slice(tail.length)}${tail}` : all,
  );
}

// Letter O for zero inside a number ("5OOO O168"): only between digits, never touching a word.
const O_IN_NUMBER = /(?<![a-z])\d(?:[\s.-]?[\do])*\d(?![a-z])/g;

// "下划线" / "底线" / "(underscore)" written for '_', not when negated ("无底线": the id has none).
// "k e n j i then underscore then f a c e s": the "then" around it joins the pieces too.
const UNDERSCORE_WORD = /(?<!无|没有|不带|不是|no\s)(?:\s+then)?\s*[(（[]?\s*(?:下划线|底线|underscore)\s*[)）\]]?\s*(?:then\s+)?/g;
// "LINE — ID is x", "line - id: x": the app and the word id apart, read as the cue "line id:".
const LINE_DASH_ID = /\bline\s*[—–-]\s*id(?:\s+is)?\b/g;

// Bracketed or full-width forms of @ and '.' in an address: "x [at] y [dot] z", "x ＠ y ． z".
// A bare @ or '.' counts spaced on both sides or on neither ("me @seller. thanks" is no address).
const AT_MARK = String.raw`(?:\s*(?:\[at\]|\(at\)|<at>|\{at\})\s*|\s+@\s+|@)`;
const DOT_MARK = String.raw`(?:\s*(?:\[dot\]|\(dot\)|<dot>|\{dot\})\s*|\s+\.\s+|\.)`;
const SPOKEN_DOT = String.raw`\s+dot\s+`;
const LABEL = '[a-z0-9-]+';
const LOCAL_PART = '[a-z0-9][a-z0-9._%+-]{0,63}';
// "rex dot models at …", "rex [dot] models [at] …": the local part's dots may be said or bracketed too.
// At most four, and each piece at most 64 characters (a mailbox's own limit): unbounded, a crawled
// page of "a dot a dot …" without a domain made every start try every end (5 s on 120,000 characters).
const LOCAL = `${LOCAL_PART}(?:(?:\\s*(?:\\[dot\\]|\\(dot\\)|<dot>|\\{dot\\})\\s*|\\s+dot\\s+)${LOCAL_PART}){0,4}`;
const MARKED_EMAIL = new RegExp(
  `(${LOCAL})${AT_MARK}(${LABEL}(?:(?:${DOT_MARK}|${SPOKEN_DOT})${LABEL})*?(?:${DOT_MARK}|${SPOKEN_DOT})[a-z]{2,10})(?![a-z0-9])`,
  'g',
);
// A plain " at " is English too ("look at this. thanks"): it counts only with a spoken " dot ".
const SPOKEN_EMAIL = new RegExp(`(${LOCAL})\\s+at\\s+(${LABEL}(?:${SPOKEN_DOT}${LABEL})*${SPOKEN_DOT}[a-z]{2,10})(?![a-z0-9])`, 'g');
// "Email sales at facegate.example", "邮箱 data at lab.example": a plain " at " before a written domain
// counts right after a mail cue word, where it can only be an address said aloud ("email me at
// shop.example" names no mailbox: me/us are no local part).
const CUED_SPOKEN_EMAIL = new RegExp(
  `((?<![a-z])(?:e-?mail|mail|邮箱|邮件)(?:\\s+(?:me|us))?\\s*[:：]?\\s*)(?!(?:me|us)\\s)(${LOCAL})\\s+at\\s+(${LABEL}(?:\\.${LABEL})*\\.[a-z]{2,10})(?![a-z0-9@]|\\.[a-z0-9])`,
  'g',
);
// "Email me: lumenprint, it's a post.example mailbox": the local part after a mail cue, the domain said
// after it as the mailbox's provider. Only a short gap of punctuation and "it's / it is / on (a)" between
// them, and a mailbox word after the domain; every piece bounded or separated (linear on crawled text).
const CUED_DESCRIBED_EMAIL = new RegExp(
  `((?<![a-z])(?:e-?mail|mail)(?:\\s+(?:me|us))?\\s*[:：]?\\s*)(?!(?:me|us)(?![a-z0-9._%+-]))(${LOCAL_PART})[\\s,，;—–-]{1,4}` +
    `(?:(?:it'?s|it is|that'?s|on)\\s+)?(?:an?\\s+)?([a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,4}\\.[a-z]{2,10})\\s+(?:mail\\s?box|mail|address|account|inbox)(?![a-z])`,
  'g',
);
const joinDomain = (domain: string) => domain.replace(new RegExp(`${DOT_MARK}|${SPOKEN_DOT}`, 'g'), '.');

// "x 小老鼠 mailbox 点 example", "x 艾特 y.com": @ said as Chinese speakers name it (小老鼠, "little mouse";
// 艾特, "at"), with 点 for each dot of the domain. The mark is no Chinese word in prose, so it needs no cue.
// Hindi writes them out too: ऐट / एट for @, डॉट for the dot.
const AT_WORD = String.raw`\s*(?:小老鼠|艾特|ऐट|एट)\s*`;
const DOT_WORD = String.raw`\s*(?:点|डॉट|\.)\s*`;
const WORDED_EMAIL = new RegExp(`(${LOCAL_PART})${AT_WORD}(${LABEL}(?:${DOT_WORD}${LABEL}){0,4}${DOT_WORD}[a-z]{2,10})(?![a-z0-9])`, 'g');
// "kellykyc 点 tw": 点 between the Latin pieces of an id is its dot (read as one id, like "kellykyc.tw").
const DOT_IN_ID = /(?<=[a-z0-9_])\s*点\s*(?=[a-z])/g;

// "t点me/x", "t [dot] me/x", "t點me斜線x": the dot of a link written out, and its slash too (斜线, "slash").
const LINK_DOT = /(?<![a-z0-9])(t|telegram|wa)\s*(?:点|\[dot\]|\(dot\))\s*me\s*(?:\/|斜线|斜杠|(?<![a-z])slash(?![a-z]))\s*/g;

// "前五位28374，后五位65190": a number given in two halves, each with its length stated.
const CN_DIGIT = '[0-9〇零一幺壹二贰两三叁四肆五伍六陆七柒八捌九玖]';
const HALVES = new RegExp(`前(${CN_DIGIT})位[是为:：\\s]*(${CN_DIGIT}+)[\\s,，、;；]*(?:再|然后)?后(${CN_DIGIT})位[是为:：\\s]*(${CN_DIGIT}+)`, 'g');
const asDigits = (s: string) => Array.from(s, (c) => digitOf(c) ?? '').join('');

function joinHalves(text: string): string {
  return text.replace(HALVES, (all, n1: string, a: string, n2: string, b: string) => {
    const first = asDigits(a);
    const second = asDigits(b);
    // The stated lengths must hold, or this is not a number in halves.
    return first.length === Number(asDigits(n1)) && second.length === Number(asDigits(n2)) ? ` ${first}${second} ` : all;
  });
}

// "face（数字七）", "face (digit 7)": one character of an id spelled out in brackets.
const BRACKETED_DIGIT = new RegExp(`\\s*[(（]\\s*(?:数字|digit|number)\\s*(${CN_DIGIT})\\s*[)）]`, 'g');

// "两个八", "三个6", Cantonese "三條五": a digit said with how many times it repeats (two eights = 88).
const REPEATED_DIGIT = new RegExp(`([2-5两二三四五])(?:个|条)(${CN_DIGIT})`, 'g');
// Cantonese 孖 ("a pair of") and 雙/双 before a digit: 孖八 is 88. Only right after a digit or an id's
// letter (双十一, 双眼皮 and a 双 starting a clause are words).
const PAIRED_DIGIT = new RegExp(`(?<=[a-z0-9]\\s?|${CN_DIGIT}\\s?)[孖双](${CN_DIGIT})`, 'g');

// "前半 face，后半 lab": an id given in two halves, joined (with what "再加" adds: "再加两个八" = 88).
const ID_PART = '[a-z0-9_]+';
const ID_HALVES = new RegExp(
  `前(?:半|面|段)(?:部分|截)?[是为:：\\s]*(${ID_PART})[\\s,，、;；]*后(?:半|面|段)(?:部分|截)?[是为:：\\s]*(${ID_PART})(?:\\s*(?:再加上?|加上|然后|\\+)\\s*(${ID_PART}))?`,
  'g',
);

// "开头是 kyc，结尾是 shop2026，中间一个下划线", "first half deepkyc, second half _pro", "starts with deep
// and ends with kyc": an id told by how it starts and how it ends, with the underscore between them
// said apart ("中间一个_", "with an _ between"; the underscore word is already '_' here). Both marker
// words are needed, so neither alone ("ends with a warranty") joins anything.
const START_WORD = String.raw`(?:开头(?:是|为)?|first\s+(?:half|part)(?:\s+is)?|starts?\s+with|awalnya|depannya)`;
const END_WORD = String.raw`(?:结尾(?:是|为)?|(?:second|last)\s+(?:half|part)(?:\s+is)?|ends?\s+with|akhirnya|belakangnya)`;
const MIDDLE_UNDERSCORE = String.raw`(?:中间(?:一个|加|是)?\s*_|with\s+(?:an?\s+)?_\s+(?:in\s+)?between)`;
const SPLIT_GAP = String.raw`[\s,，;；、]*(?:(?:and|then|dan|再)\s*)?`;
const ID_ENDS = new RegExp(
  `${START_WORD}[\\s:：]*(${ID_PART})${SPLIT_GAP}(${MIDDLE_UNDERSCORE}${SPLIT_GAP})?${END_WORD}[\\s:：]*(${ID_PART})(${SPLIT_GAP}${MIDDLE_UNDERSCORE})?`,
  'g',
);

// "倒着读：88 bal ecaf", "reversed: 88 bal ecaf": an id written backwards, with the word that says so.
const REVERSED = /(倒着读|倒过来读?|反着读|反过来读?|reversed|read (?:it )?backwards?)([:：\s]*)([a-z0-9_](?:[a-z0-9_ .-]{3,40})[a-z0-9_])/g;
const reversedId = (s: string) =>
  Array.from(s.replace(/[\s.-]/g, ''))
    .reverse()
    .join('');

/**
 * Folded text with spelled disguises rewritten (length may change; callers only read handles from it).
 * The last few fields are kept: mentions.ts reads a listing's title and description right after
 * extractHandles has.
 */
export const undisguise: (folded: string) => string = keepingLastFew(4, rewrite);

function rewrite(folded: string): string {
  // Each rewrite runs only where its marker is (most listings have none): linking 100,000 listings reads 300,000 fields.
  const has = (...markers: string[]) => markers.some((m) => folded.includes(m));
  let text = decodedNotes(symbolLegends(/[a-z]/.test(folded) ? pinyinDigits(spelledDigits(folded)) : folded));
  if (text.includes('+')) text = roundPlus(text);
  if (/\d[\s.-]?o|o[\s.-]?\d/.test(text)) text = text.replace(O_IN_NUMBER, (run) => run.replace(/o/g, '0'));
  // Before the underscore word: "… romeo underscore victor …" is one spelled id, its _ among its letters.
  if (/[a-z]{4}\s/.test(text)) text = natoSpelled(text);
  text = saidCountryCodes(mixedDigitWords(digitWordRuns(romanDigits(upsideDown(text)))));
  if (has('下划线', '底线', 'underscore')) text = text.replace(UNDERSCORE_WORD, '_');
  if (has('line')) text = text.replace(LINE_DASH_ID, 'line id:');
  if (has('数字', 'digit', 'number')) text = text.replace(BRACKETED_DIGIT, (_, d: string) => asDigits(d));
  if (has('个', '条')) text = text.replace(REPEATED_DIGIT, (_, n: string, d: string) => asDigits(d).repeat(Number(asDigits(n))));
  if (has('孖', '双')) text = text.replace(PAIRED_DIGIT, (_, d: string) => asDigits(d).repeat(2));
  text = spellOutIds(text);
  if (has('倒', '反', 'reverse', 'backward')) text = text.replace(REVERSED, (_, word: string, gap: string, id: string) => `${word}${gap}${reversedId(id)}`);
  if (has('开头', 'first', 'start', 'awal', 'depan'))
    text = text.replace(
      ID_ENDS,
      (_, a: string, mid: string | undefined, b: string, after: string | undefined) =>
        ` ${a}${(mid ?? after) && !a.endsWith('_') && !b.startsWith('_') ? '_' : ''}${b} `,
    );
  if (has('前')) text = text.replace(ID_HALVES, (_, a: string, b: string, c: string | undefined) => ` ${a}${b}${c ?? ''} `);
  if (has('@', '[at]', '(at)', '<at>', '{at}'))
    text = text.replace(MARKED_EMAIL, (_, local: string, domain: string) => `${joinDomain(local)}@${joinDomain(domain)}`);
  if (has(' at ') && has(' dot ')) text = text.replace(SPOKEN_EMAIL, (_, local: string, domain: string) => `${joinDomain(local)}@${joinDomain(domain)}`);
  if (has(' at ') && has('mail', '邮'))
    text = text.replace(CUED_SPOKEN_EMAIL, (_, cue: string, local: string, domain: string) => `${cue}${joinDomain(local)}@${domain}`);
  if (has('mail') && has('box', 'address', 'account', 'inbox', 'mail '))
    text = text.replace(CUED_DESCRIBED_EMAIL, (_, cue: string, local: string, domain: string) => `${cue}${local}@${domain} `);
  if (has('小老鼠', '艾特', 'ऐट', 'एट'))
    text = text.replace(WORDED_EMAIL, (_, local: string, domain: string) => `${local}@${domain.replace(/\s*(?:点|डॉट)\s*|\s*\.\s*/g, '.')}`);
  if (has('点', 'dot')) text = text.replace(LINK_DOT, (_, host: string) => `${host}.me/`);
  if (has('点')) text = text.replace(DOT_IN_ID, '.');
  return has('前') ? joinHalves(text) : text;
}
