import { describe, expect, it } from 'vitest';
import { dropRunOns } from './families.js';
import { halfSpelled, inflections, shortForms } from './spelling-forms.js';
import { Tally } from './tally.js';
import { compactStems, isSpellingOf, SpellingScanner } from './variants.js';

function tally(key: string, kind: 'han' | 'latin', listings: readonly number[]): Tally {
  const t = new Tally(key, kind);
  t.listings = listings.length;
  t.examples.push(...listings);
  return t;
}

describe('forms of a term sellers write besides its own spelling', () => {
  it('turns the last word of a Latin term to its other number, and nothing else', () => {
    expect(inflections('sitters')).toEqual(['sitter']);
    expect(inflections('plate shot')).toEqual(['plate shots']);
    expect(inflections('understudies')).toEqual(['understudy']);
    expect(inflections('glass')).toEqual(['glasses']);
    expect(inflections('v8 kit')).toEqual([]);
  });

  it('spells the tail of a Chinese term in pinyin or initials', () => {
    expect(halfSpelled('套娃')).toEqual(expect.arrayContaining(['套wa']));
    expect(halfSpelled('复活卡')).toEqual(expect.arrayContaining(['复活k', '复活ka']));
    expect(halfSpelled('lanben')).toEqual([]);
  });

  it('clips a long Chinese term to at least two characters and half its length', () => {
    expect(shortForms('凍檸茶')).toEqual(['凍檸']);
    expect(shortForms('雙黃蓮蓉')).toEqual(['雙黃', '雙黃蓮']);
    expect(shortForms('蓝本')).toEqual([]);
  });
});

describe('spellings of one term', () => {
  it('meets a Latin term written apart, hyphenated or as one word', () => {
    expect(compactStems('plate shots')).toBe(compactStems('plateshots'));
    expect(isSpellingOf(tally('cam piugs', 'latin', [1]), tally('campiug', 'latin', [2]))).toBe(true);
    expect(isSpellingOf(tally('cam piugs', 'latin', [1]), tally('cam', 'latin', [2]))).toBe(false);
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
