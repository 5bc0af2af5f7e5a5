import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { foldText } from './fold-text.js';
import { spellOutIds } from './spelled-ids.js';

const spell = (s: string) => spellOutIds(foldText(s));
const keys = (description: string) => extractHandles({ id: '1', description }).map((h) => h.key);

describe('spellOutIds', () => {
  it('writes the pinyin of a word the seller names', () => {
    expect(spell('名字是“活化”的拼音+_+studio')).toBe('名字是huohua+_+studio');
    expect(spell('微：琪琪的拼音_face柒')).toBe('微:qiqi_face柒');
    expect(spell('“光影证件照”的拼音首字母_studio')).toBe('gyzjz_studio');
  });

  it('writes the digits of an odd or even range', () => {
    expect(spell('奇数1到9，再偶数2到8，最后一个0')).toBe('1357924680');
    expect(spell('1到9的奇数 然后 2到8的偶数')).toBe('135792468');
  });

  it('joins pieces of an id said one after the other', () => {
    expect(spell('搜 facelab 然后_再 八八')).toBe('搜 facelab_八八');
    expect(spell('handle is the word kyc followed by depot')).toBe('handle is kycdepot');
    expect(spell('“火花”拼音加_再加studio')).toBe('huohua_studio');
    expect(spell('搜 facelab 后面加 88')).toBe('搜 facelab88');
  });

  it('takes a piece described in words from the brackets after the words', () => {
    expect(spell('微信号：yuehua_后面加今年年份（2025）')).toBe('微信号:yuehua_2025');
    expect(spell('tg kenji_ followed by my birth year (1990)')).toBe('tg kenji_1990');
    expect(keys('账号已实名。微信号：yuehua_后面加今年年份（2025）')).toEqual(['wechat:yuehua_2025']);
  });

  it('leaves a second contact or a price in brackets after "then add" alone', () => {
    for (const s of ['face88 再加微信（face99）', '先付款 然后加运费（10元）', '面包（2块）']) expect(spell(s)).toBe(foldText(s));
  });

  it('leaves prose, and a bracketed note on letters already given, alone', () => {
    for (const s of [
      '然后再说',
      '先付款，然后发货',
      'then we talk',
      '一手资源 再送一张',
      'v: shou chi _ zp（手持拼音）',
      '名字是琪琪的拼音',
      '先加tg 再加vx',
      'message me on telegram then pay',
    ]) {
      expect(spell(s)).toBe(foldText(s));
    }
  });
});

describe('extractHandles on riddled ids (dev-sellers-2 disguise families)', () => {
  it('reads an id given as the pinyin of a word', () => {
    expect(keys('下单后请加V，名字是“活化”的拼音+下划线+studio。')).toEqual(['wechat:huohua_studio']);
    expect(keys('换脸视频定制。微：琪琪的拼音_face柒')).toEqual(['wechat:qiqi_face7']);
  });

  it('reads a QQ number given as a puzzle', () => {
    expect(keys('成功付款。Q号好记：奇数1到9，再偶数2到8，最后一个0')).toEqual(['qq:1357924680']);
  });

  it('reads an id in pieces joined by "then", after a word saying to search for it', () => {
    expect(keys('需要的私 ✈️ 搜 facelab 然后下划线 再 八八，抖音不回消息')).toEqual(['tg:facelab_88']);
    expect(keys('Ask on tg — handle is the word kyc followed by depot, no spaces.')).toEqual(['tg:kycdepot']);
  });

  it('reads letters spaced out when the app follows, and not a spelled trade word', () => {
    expect(keys('Orders: k y c d e p o t on the blue paper-plane app')).toEqual(['tg:kycdepot']);
    expect(keys('add f-a-c-e-8-8 on wechat')).toEqual(['wechat:face88']);
    expect(keys('V❤ q i q i _ f a c e 7')).toEqual(['wechat:qiqi_face7']);
    expect(keys('s e l f i e s  h o l d i n g  1 D, 300 pcs. dm')).toEqual([]);
    expect(keys('各种APP 私我 z f b w x 都行')).toEqual([]);
  });

  it('reads a word described by its romanisation from the answer in brackets', () => {
    expect(keys('微信號 = 阿強嘅粵拼（ah keung）+ 七七')).toEqual(['wechat:ahkeung77']);
    expect(keys('tg：小美的英文名（may）+ face99')).toEqual(['tg:mayface99']);
    expect(keys('微信 阿強嘅粵拼（唔識可以問我）')).toEqual([]);
  });

  it('reads no id from prose around a cue', () => {
    expect(keys("tg: @… (split) — 'starter ID' bundles")).toEqual([]);
    expect(keys('vx or tg, handle split: see profile')).toEqual([]);
    expect(keys('电报搜 shouchi')).toEqual([]);
  });
});
