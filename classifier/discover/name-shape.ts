import { createRequire } from 'node:module';
import { tag } from 'jieba-wasm';
import { foldLatin } from './stopwords.js';
import type { UnitKind } from './units.js';

/**
 * Whether a unit has the shape of a name for a thing. A code word stands for the product, so it is a
 * noun (蓝本, 明信片, crate, sitters), or a coined word no dictionary tags; the phrases a writer repeats
 * around the product are verbs, counts, adverbs and adjectives (看样 look at samples, 一盒 one box,
 * 卡对着脸 card facing the face, already, mixed, usual) and clauses of the seller's terms (退不换 no
 * returns). Only a clear tag or form of another kind counts against a unit: an unknown word, a lone
 * character (jieba tags 包 of 脸谱包 a verb) or a word the lexicon lacks is given the benefit of the
 * doubt, unless it is built as a past form (restocked).
 */

/**
 * jieba tags of words that do not name a thing: verbs, numerals and measures, time, pronouns, adverbs,
 * adjectives and the distinguishing words that qualify a noun as adjectives do (b: 大型 large-scale,
 * 半小时 half an hour), conjunctions, prepositions, interjections, directions. Idioms stay: 满汉全席
 * names a kit.
 */
const ZH_NOT_A_NAME = /^(v|vd|vg|vi|vn|m|mq|q|t|tg|r|rr|rz|d|dg|a|ad|ag|b|c|p|y|e|o|f)$/;

/** Penn tags (first, most frequent, in the English lexicon) of words that do not name a thing. */
const EN_NOT_A_NAME = /^(RB|RBR|RBS|JJ|JJR|JJS|VBD|VBN|VBG|VBZ|VBP|MD|IN|CD|DT|PRP\$?|WRB|UH)$/;

const CJK_WORD = 2;

/** jieba tags of particles (着 了 过 的 地 得): inside a unit they make it a clause (卡对着脸), never a name. */
const ZH_PARTICLE = /^u[a-z]*$/;

function hanNamesAThing(key: string): boolean {
  const words = tag(key, true);
  if (words.some((w) => ZH_PARTICLE.test(w.tag))) return false;
  if (isAction(key) || isNegated(key) || namesAPeople(key)) return false;
  const head = words.at(-1);
  // The head of a Chinese compound is its last word; a one-character head is too loosely tagged to judge.
  if (head === undefined || [...head.word].length < CJK_WORD) return true;
  return !ZH_NOT_A_NAME.test(head.tag);
}

/**
 * A people by where they are from (台湾人, 香港人, 中国人): a place name jieba tags as one and 人. It says
 * whose faces or documents are sold, as an age or a sex does, not what the goods are: the code word is
 * the product beside it. jieba keeps some as one noun (台湾人), so the place is tagged apart.
 */
function namesAPeople(key: string): boolean {
  if (!key.endsWith('人') || [...key].length < 3) return false;
  const place = tag(key.slice(0, -1), true);
  return place.length === 1 && place[0]!.tag === 'ns';
}

/** jieba tags of pieces that only tell an action: verbs, adverbs, time words, prepositions, conjunctions. */
const ZH_ACTION = /^(v|vd|vg|vi|d|dg|ad|t|tg|p|c)$/;

/**
 * A unit that is no word of jieba's dictionary, read by its dictionary pieces (HMM off): when every
 * piece is a verb, adverb, time word or the like (登|出 log out, 刚|拍 just shot, 现|拍 shot now), it
 * tells what is done, not what is sold. Its HMM may join such pieces into one unknown word, and a
 * one-character head is not judged otherwise, so neither hides it. One piece that names something, a
 * measure or an unknown character (脸谱|包, 眨巴|片, 套|娃) keeps the benefit of the doubt.
 */
function isAction(key: string): boolean {
  const pieces = tag(key, false);
  return pieces.length > 1 && pieces.every((p) => ZH_ACTION.test(p.tag));
}

/** Words of negation (not, none, don't, never yet) as jieba cuts them from a phrase. */
const ZH_NEGATION = new Set(['不', '没', '没有', '无', '别', '勿', '未', '不要', '不用']);

/**
 * A unit that is no word of jieba's dictionary and holds a negation among its dictionary pieces (退|不|换
 * no returns or exchanges, 不|议价 no bargaining, 无|水印 no watermark, 勿|拍 do not buy): a clause of the
 * seller's terms or the goods' condition, which names no thing. A dictionary word that starts with one
 * (不倒翁 a tumbler doll, 不锈钢 stainless steel) stays one piece and is judged by its tag.
 */
function isNegated(key: string): boolean {
  const pieces = tag(key, false);
  return pieces.length > 1 && pieces.some((p) => ZH_NEGATION.has(p.word));
}

let english: Map<string, string> | undefined;

/** The English lexicon natural ships (word → most frequent tag), keyed as the compact view spells words (l folded to i). */
function englishTags(): Map<string, string> {
  if (english) return english;
  const raw = createRequire(import.meta.url)('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, string[]>;
  const out = new Map<string, string>();
  // Lower-case entries only: a capitalized one is mostly a proper name (Mixed, Original as NNP).
  for (const [word, tags] of Object.entries(raw)) {
    if (word !== word.toLowerCase()) continue;
    const key = foldLatin(word);
    const first = tags[0] ?? '';
    const had = out.get(key);
    // Two words folded alike: a noun reading wins (the doubt goes to the candidate).
    if (had === undefined || (EN_NOT_A_NAME.test(had) && !EN_NOT_A_NAME.test(first))) out.set(key, first);
  }
  return (english = out);
}

/**
 * A word the lexicon lacks that ends in -ed after a letter other than e (restocked, reuploaded,
 * unverified): a verb's past form built with a prefix the lexicon does not list, which tells what was
 * done to the goods. Nouns in -eed (seed, breed) and short words are left alone.
 */
const PAST_FORM = /^[a-z]{3,}[^e\s]ed$/;

function latinNamesAThing(key: string): boolean {
  // A phrase of several words is judged by its evidence alone: aged blue, full closet name things.
  if (key.includes(' ')) return true;
  const first = englishTags().get(key);
  if (first === undefined) return !PAST_FORM.test(key);
  return !EN_NOT_A_NAME.test(first);
}

/** Units judged, by key (only the few hundred ranked units of a run are judged; bounded all the same). */
const cache = new Map<string, boolean>();
const MAX_CACHED = 50_000;

export function namesAThing(key: string, kind: UnitKind): boolean {
  if (kind === 'mixed') return true;
  let out = cache.get(key);
  if (out === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, (out = kind === 'han' ? hanNamesAThing(key) : latinNamesAThing(key)));
  }
  return out;
}
