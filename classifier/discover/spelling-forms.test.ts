import { describe, expect, it } from 'vitest';
import { dropRunOns } from './families.js';
import { halfPinyinParts, halfSpelled, inflections, readsAs, shortForms } from './spelling-forms.js';
import { Tally } from './tally.js';
import { isSpellingOf, singular, SpellingScanner } from './variants.js';
import type { UnitKind } from './units.js';

function tally(key: string, kind: UnitKind, listings: readonly number[]): Tally {
  const t = new Tally(key, kind);
  t.listings = listings.length;
  t.examples.push(...listings);
  return t;
}

describe('forms of a term sellers write besides its own spelling', () => {
  it('turns the last word of a Latin term to its other number, and nothing else', () => {
    expect(inflections('sitters')).toEqual(['sitter']);
    expect(inflections('plate shot')).toEqual(['plate shots']);
    // -ies is the plural of -y or of -ie, the compact view's -le (spindies of spindles): both are looked for.
    expect(inflections('understudies')).toEqual(['understudy', 'understudie']);
    expect(inflections('drop spindies')).toContain('drop spindie');
    expect(inflections('drop spindie')).toEqual(['drop spindies']);
    expect(inflections('understudy')).toEqual(['understudies']);
    expect(inflections('paper doiiy')).toEqual(['paper doiiies']);
    expect(inflections('ebay')).toEqual(['ebays']);
    expect(inflections('glass')).toEqual(['glasses']);
    expect(inflections('v8 kit')).toEqual([]);
  });

  it('spells the tail of a Chinese term in pinyin or initials', () => {
    expect(halfSpelled('套娃')).toEqual(expect.arrayContaining(['套wa']));
    expect(halfSpelled('复活卡')).toEqual(expect.arrayContaining(['复活k', '复活ka']));
    expect(halfSpelled('lanben')).toEqual([]);
  });

  it('spells the head of a Chinese term in whole pinyin syllables, never a lone initial', () => {
    expect(halfSpelled('代钓')).toContain('dai钓');
    expect(halfSpelled('窝料')).toContain('wo料');
    expect(halfSpelled('复活卡')).toEqual(expect.arrayContaining(['fuhuo卡', 'fu活卡']));
    expect(halfSpelled('代钓')).not.toContain('d钓');
  });

  it('splits a half-pinyin term into its Chinese part and its pinyin (keys fold l to i: iao桩 is lao桩)', () => {
    expect(halfPinyinParts('iao桩')).toEqual({ han: '桩', latin: 'iao', latinFirst: true });
    expect(halfPinyinParts('复活ka')).toEqual({ han: '复活', latin: 'ka', latinFirst: false });
    expect(halfPinyinParts('v脸')).toBeNull();
    expect(halfPinyinParts('老桩')).toBeNull();
    expect(readsAs('老', 'iao')).toBe(true);
    expect(readsAs('劳', 'iao')).toBe(true);
    expect(readsAs('树', 'iao')).toBe(false);
  });

  it('clips a long Chinese term to at least two characters and half its length', () => {
    expect(shortForms('凍檸茶')).toEqual(['凍檸']);
    expect(shortForms('雙黃蓮蓉')).toEqual(['雙黃', '雙黃蓮']);
    expect(shortForms('蓝本')).toEqual([]);
  });
});

describe('spellings of one term', () => {
  it('meets a Latin term written apart, hyphenated or as one word', () => {
    expect(singular('plate shots')).toBe(singular('plateshots'));
    expect(isSpellingOf(tally('cam piugs', 'latin', [1]), tally('campiug', 'latin', [2]))).toBe(true);
    expect(isSpellingOf(tally('cam piugs', 'latin', [1]), tally('cam', 'latin', [2]))).toBe(false);
    expect(isSpellingOf(tally('side chains', 'latin', [1]), tally('sidechain', 'latin', [2]))).toBe(true);
    expect(isSpellingOf(tally('understudies', 'latin', [1]), tally('understudy', 'latin', [2]))).toBe(true);
  });

  it('meets the two numbers of a word in -le, which the compact view spells -ie (spindles, spindle)', () => {
    expect(isSpellingOf(tally('drop spindies', 'latin', [1]), tally('drop spindie', 'latin', [2]))).toBe(true);
    expect(isSpellingOf(tally('drop spindies', 'latin', [1]), tally('dropspindies', 'latin', [2]))).toBe(true);
    expect(isSpellingOf(tally('drop spindies', 'latin', [1]), tally('drop spin', 'latin', [2]))).toBe(false);
  });

  it('meets a Chinese term written half in pinyin and written whole, either way round (iao桩 and 老桩: l folded to i)', () => {
    expect(isSpellingOf(tally('iao桩', 'mixed', [1]), tally('老桩', 'han', [2]))).toBe(true);
    expect(isSpellingOf(tally('老桩', 'han', [2]), tally('iao桩', 'mixed', [1]))).toBe(true);
    expect(isSpellingOf(tally('复活ka', 'mixed', [1]), tally('复活卡', 'han', [2]))).toBe(true);
    // Characters that do not read as its pinyin, the Chinese part in the wrong place, or nothing in the pinyin's place: another word.
    expect(isSpellingOf(tally('iao桩', 'mixed', [1]), tally('木桩', 'han', [2]))).toBe(false);
    expect(isSpellingOf(tally('iao桩', 'mixed', [1]), tally('桩老', 'han', [2]))).toBe(false);
    expect(isSpellingOf(tally('复活ka', 'mixed', [1]), tally('复活', 'han', [2]))).toBe(false);
  });

  it('does not take a word of its own that shares the stem for a spelling (press of pressings)', () => {
    expect(isSpellingOf(tally('pressings', 'latin', [1]), tally('press', 'latin', [2]))).toBe(false);
    expect(isSpellingOf(tally('piayers', 'latin', [1]), tally('piay', 'latin', [2]))).toBe(false);
    expect(isSpellingOf(tally('pressings', 'latin', [1]), tally('pressing', 'latin', [2]))).toBe(true);
  });

  it('keeps a short form only where flagged or review listings use it on its own, not more often elsewhere', () => {
    const scanner = new SpellingScanner(
      [
        { key: '冻柠茶', others: [] },
        { key: '跑腿脸', others: [] },
      ],
      new Map(),
    );
    const offer = { forSale: true, offerLike: true, reached: true };
    const shop = { forSale: true, offerLike: false, reached: false };
    scanner.scan('冻柠 教学 一条80', offer);
    scanner.scan('冻柠茶 少甜走冰', shop);
    scanner.scan('跑腿 一次80 帮你刷', offer);
    scanner.scan('同城跑腿 代买代送', shop);
    scanner.scan('跑腿 取件 10元起', shop);
    expect(scanner.shortened(0).map(([form]) => form)).toEqual(['冻柠']);
    expect(scanner.shortened(1)).toEqual([]);
  });

  it('finds a half-pinyin term written whole, only where something is sold', () => {
    const scanner = new SpellingScanner([{ key: 'iao桩', others: [] }], new Map());
    scanner.scan('老桩出租 一天两百', { forSale: true, offerLike: true, reached: false });
    scanner.scan('树桩 老树 桩子', { forSale: true, offerLike: true, reached: false });
    scanner.scan('山上的老桩', { forSale: false, offerLike: false, reached: false });
    expect([...scanner.others[0]!]).toEqual([['老桩', 1]]);
  });
});

describe('pieces of a set phrase', () => {
  it('drops two four-character units that overlap by three in the very same listings', () => {
    const a = tally('几多有几', 'han', [1, 2]);
    const b = tally('多有几多', 'han', [2, 1]);
    const term = tally('双黄莲蓉', 'han', [1, 2]);
    const other = tally('黄莲蓉三', 'han', [1]);
    expect(dropRunOns([a, b, term, other])).toEqual([term, other]);
  });
});
