import { DIGIT_WORDS } from './digit-disguises.js';
import { digitOf } from './fold-text.js';

/**
 * A phone number whose country code is said in words before it, so a filter looking for "+84 …" or
 * "+852 …" finds none: "国码越南(八四) 后面 903-555-218", "country code eight-five-two, then 5550 4471",
 * "区号 852，然后 5550 4471". Rewritten to "+84 903-555-218" (folded text in and out; disguises.ts runs
 * it before cue words are read), so the cue before it reads the international number, which
 * phone-national.ts keys as the same line as the local form ("0903 555 218") another listing gives.
 * It needs the words "country code" (国码, 区号, kode negara …), a code of one to three digits (as
 * digits, Chinese numerals or English digit words), and digits right after: prose about a country
 * code says no number after it. When the code is not given but the country is named ("香港区号", "国码越南
 * 后面 …"), the country's own code stands for it (the markets watched only).
 */

const CODE_WORD = String.raw`(?:国际区号|国家区号|国家代码|国家码|国码|区号|country\s+code|calling\s+code|kode\s+negara|mã\s+quốc\s+gia)`;
// The country named after the word ("国码越南", "country code of HK"): a few Han characters, or "for/of" and one word.
const COUNTRY = String.raw`(?:\s*\p{Script=Han}{1,5}|\s+(?:for|of)\s+[a-z]{2,12})?`;
const CODE_DIGIT = `(?:[0-9]|[〇零一幺二两三四五六七八九]|${Object.keys(DIGIT_WORDS).join('|')})`;
// The code ends where its digits do: "84 903…" is a code then a number, never "8" then "4903…".
const CODE = String.raw`\+?\s*(${CODE_DIGIT}(?:[\s-]?${CODE_DIGIT}){0,2})(?![0-9])`;
// What stands between the code and the number: punctuation and "then" (后面, 然后, 再, then, followed by).
const THEN = String.raw`[\s,，:：]*(?:(?:后面|然后|接着|再)(?:是|接|加)?|then|followed\s+by|lalu)?[\s,，:：]*`;
const SAID_CODE = new RegExp(`${CODE_WORD}${COUNTRY}[\\s:：=]*(?:是|为|is\\s)?[\\s:：=]*[(（]?\\s*${CODE}\\s*[)）]?${THEN}(?=[0-9])`, 'gu');
// The start of every CODE_WORD: most texts have none and skip both rewrites.
const MARKER = /国际区号|国家|国码|区号|code|kode|mã/;

// The calling codes of the markets watched, by the names sellers give them (folded: simplified Han, lower case).
const REGION_CODES: Readonly<Record<string, string>> = {
  香港: '852',
  澳门: '853',
  台湾: '886',
  中国: '86',
  大陆: '86',
  内地: '86',
  越南: '84',
  泰国: '66',
  马来西亚: '60',
  大马: '60',
  新加坡: '65',
  印尼: '62',
  印度尼西亚: '62',
  菲律宾: '63',
  柬埔寨: '855',
  日本: '81',
  韩国: '82',
  印度: '91',
  'hong kong': '852',
  hk: '852',
  macau: '853',
  taiwan: '886',
  china: '86',
  vietnam: '84',
  thailand: '66',
  malaysia: '60',
  singapore: '65',
  indonesia: '62',
  philippines: '63',
  cambodia: '855',
  japan: '81',
  korea: '82',
  india: '91',
};
const REGION = `(${Object.keys(REGION_CODES)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
// "国码越南 后面 903-555-218", "hong kong's country code, then …": the country named, its code not given.
// Read as that country's code before a number, or after a '+' as a piece of an id ("阿辉嘅粤拼 + 香港区号").
const NAMED_CODE = new RegExp(
  String.raw`(?:${CODE_WORD}\s*(?:of\s+|for\s+)?${REGION}|(?<![a-z])${REGION}(?:'s)?\s*(?:的|嘅)?\s*${CODE_WORD})(?![\s:：=]*(?:是|为|is\s)?[\s:：=]*[(（]?\s*\+?\s*${CODE_DIGIT})(?:${THEN}(?=[0-9])|(?<=\+\s{0,2}\S+))`,
  'gu',
);

const WORD_DIGIT = new Map(Object.entries(DIGIT_WORDS));

/** The digits of a code said in any of its forms ("八四", "eight-five-two", "852"). */
function codeDigits(said: string): string {
  return (said.match(new RegExp(CODE_DIGIT, 'gu')) ?? []).map((d) => WORD_DIGIT.get(d) ?? digitOf(d) ?? '').join('');
}

export function saidCountryCodes(text: string): string {
  if (!MARKER.test(text)) return text;
  return text
    .replace(SAID_CODE, (_, code: string) => ` +${codeDigits(code)} `)
    .replace(NAMED_CODE, (_, after: string | undefined, before: string | undefined) => ` ${REGION_CODES[after ?? before ?? '']} `);
}
