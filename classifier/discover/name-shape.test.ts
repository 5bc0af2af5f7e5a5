import { describe, expect, it } from 'vitest';
import { namesAThing } from './name-shape.js';
import { foldLatin } from './stopwords.js';

const han = (s: string) => namesAThing(s, 'han');
// Latin keys are spelled as the compact view spells them (l folded to i).
const latin = (s: string) => namesAThing(foldLatin(s), 'latin');

describe('whether a unit has the shape of a name for a thing', () => {
  it('turns down Chinese units headed by a verb, a count or an adverb, and clauses holding a particle', () => {
    for (const s of ['看样', '一盒', '一支', '提前', '做成', '见描述', '卡对着脸']) expect(han(s), s).toBe(false);
  });

  it('turns down a Chinese unit headed by a distinguishing word, which qualifies a thing as an adjective does', () => {
    // jieba tags 半小时 (half an hour) and 大型 (large-scale) b; 双黄莲蓉's b word 双黄 is not its head.
    for (const s of ['半小时', '大型']) expect(han(s), s).toBe(false);
    expect(han('双黄莲蓉')).toBe(true);
  });

  it('turns down a Chinese unit headed by a verbal noun: it names an activity of the trade, not its goods', () => {
    // jieba tags 制作 (making), 出售 (sale), 服务 (service), 合作 (cooperation) vn; 复活卡's vn 复活 is not its head.
    for (const s of ['制作', '出售', '服务', '合作']) expect(han(s), s).toBe(false);
    expect(han('复活卡')).toBe(true);
  });

  it('keeps Chinese nouns, coined words, idioms, and compounds whose head is a lone character', () => {
    // 包 alone is tagged a verb; in 脸谱包 it is the pack. An idiom can name a kit (满汉全席).
    for (const s of ['明信片', '蓝本', '合影票', '脸谱包', '素颜集', '双面胶', '原坯', '满汉全席']) expect(han(s), s).toBe(true);
  });

  it('turns down a unit no dictionary word whose pieces are all verbs, adverbs or time words', () => {
    // jieba's HMM joins 现|拍 (shot now) into one unknown word; 刚|拍 and 再|发 have one-character heads.
    for (const s of ['现拍', '刚拍', '再发', '可做']) expect(han(s), s).toBe(false);
  });

  it('turns down a people named by its place (whose faces, not what is sold), keeps other words ending in 人', () => {
    for (const s of ['台湾人', '香港人', '中国人', '外国人']) expect(han(s), s).toBe(false);
    // A ferryman or a scarecrow can be a seller's product word: their first words are no places.
    for (const s of ['摆渡人', '稻草人', '机器人']) expect(han(s), s).toBe(true);
  });

  it("turns down a unit holding a negation (the seller's terms, the goods' condition), keeps dictionary words that start with one", () => {
    for (const s of ['退不换', '不议价', '无水印', '勿拍']) expect(han(s), s).toBe(false);
    // A tumbler doll and stainless steel are words of their own, tagged nouns.
    for (const s of ['不倒翁', '不锈钢']) expect(han(s), s).toBe(true);
  });

  it('keeps a coined word with one piece that names something or measures (a pack, a card, a clip)', () => {
    // Made-up coinages: the verb-like first piece does not make the unit an action.
    for (const s of ['拍拍卡', '摇摇票', '跳跳片']) expect(han(s), s).toBe(true);
  });

  it('turns down a lone English adverb, adjective or participle, keeps nouns, unknown words and phrases', () => {
    for (const s of ['already', 'mixed', 'original', 'usual', 'fully', 'included']) expect(latin(s), s).toBe(false);
    for (const s of ['crate', 'sitters', 'roster', 'understudy', 'flipbooks', 'aged blue', 'full closet']) expect(latin(s), s).toBe(true);
  });

  it('turns down a lone word the English lexicon lacks that has the form of a past participle, keeps -eed nouns', () => {
    // Prefixed verbs the lexicon does not list: what was done to the goods, not what they are.
    for (const s of ['restocked', 'reuploaded', 'unverified']) expect(latin(s), s).toBe(false);
    for (const s of ['seed', 'breed', 'epk', 'pressings']) expect(latin(s), s).toBe(true);
  });

  it('never judges a Latin token glued to Chinese', () => {
    expect(namesAThing('v脸', 'mixed')).toBe(true);
  });
});
