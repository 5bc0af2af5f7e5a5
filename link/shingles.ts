import { isHanCode, latinBase } from '../text/index.js';
import { withoutContactClauses } from './contact-clauses.js';
import { foldText } from './fold-text.js';

/**
 * The text of a listing as near-duplicate detection compares it: title and description folded, then
 * cut into tokens (each Chinese character; each run of letters of another script: a Latin, Korean,
 * Arabic, Persian, Devanagari or Thai word), with what a relist changes
 * anyway left out: digits and prices, emoji, punctuation, and the letters of its contact handles.
 * Shingles are pairs of neighbouring tokens, so moving a sentence only changes the shingles at its
 * edges. Each shingle is kept as a 32-bit hash: sets of numbers are what MinHash and Jaccard need.
 */

/** Trade boilerplate that many unrelated sellers write; its shingles never count as resemblance. */
export const BOILERPLATE = [
  '一手资源',
  '量大从优',
  '量大价优',
  '加v详聊',
  '详聊',
  '私聊',
  '诚信交易',
  '非诚勿扰',
  '价格美丽',
  '支持担保',
  '先款后货',
  '24小时在线',
  '秒发',
  '自动发货',
  '欢迎咨询',
  '有需要的联系',
  '质量保证',
  '售后无忧',
  '全网最低',
  '可批发',
  '薄利多销',
  '拍前咨询',
  '懂的来',
  '不懂勿扰',
  '需要的私',
  '价格好说',
  '长期合作',
  '接受验货',
  '包售后',
  '实名认证',
  '当天发',
  '加微信',
  '联系方式',
  'dm for details',
  'bulk discount',
  'contact me',
  'fast delivery',
  'serious buyers only',
  'dm me',
  'telegram only',
];

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// A letter of a script written in words (Hangul, Arabic, Devanagari, Thai …): without it, an ad in Korean or
// Persian had no tokens at all, and its relists nothing to be found alike by.
const OTHER_LETTER = /^[\p{L}\p{M}]$/u;

/** Tokens of a text, leaving out Latin words that are part of a contact handle; `folded` when foldText has been applied. */
export function tokens(text: string, handleWords: ReadonlySet<string> = new Set(), folded = false): string[] {
  const out: string[] = [];
  let word = '';
  let other = '';
  const flush = () => {
    if (word.length >= 2 && !handleWords.has(word)) out.push(word);
    word = '';
    if (other !== '') out.push(other);
    other = '';
  };
  for (const ch of folded ? text : foldText(text)) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x61 && c <= 0x7a) {
      word += ch;
      continue;
    }
    // An accented letter is its base letter, inside the word (mặt = mat).
    const base = latinBase(c);
    if (base !== '') {
      word += base;
      continue;
    }
    if (c >= 0x80 && !isHanCode(c) && OTHER_LETTER.test(ch)) {
      if (word !== '') flush();
      other += ch;
      continue;
    }
    flush();
    if (isHanCode(c)) out.push(ch);
  }
  flush();
  return out;
}

/** Bigram shingle hashes of a token list (a one-token text gives its one token). */
export function shingleHashes(toks: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < toks.length; i++) out.push(fnv1a(`${toks[i]}\u0000${toks[i + 1]}`));
  return out;
}

const BOILERPLATE_SHINGLES: ReadonlySet<number> = new Set(BOILERPLATE.flatMap((p) => shingleHashes(tokens(p))));

/** The letter runs of handle values: "face_88" → face. Left out of the text so a new handle is no new text. */
export function handleWords(canonicals: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const c of canonicals) for (const w of c.match(/[a-z]{2,}/g) ?? []) words.add(w);
  return words;
}

/** Distinct shingle hashes of a listing's title and description, boilerplate and contact clauses (contact-clauses.ts) removed, sorted. */
export function listingShingles(title: string, description: string, handleValues: readonly string[]): Uint32Array {
  const words = handleWords(handleValues);
  const set = new Set<number>();
  for (const part of [title, description])
    for (const h of shingleHashes(tokens(withoutContactClauses(foldText(part)), words, true))) if (!BOILERPLATE_SHINGLES.has(h)) set.add(h);
  return Uint32Array.from(set).sort();
}
