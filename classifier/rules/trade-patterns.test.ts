import { describe, expect, it } from 'vitest';
import { findTradePatterns } from './trade-patterns.js';

const ids = (s: string) => findTradePatterns(s).map((h) => `${h.id}:${s.slice(h.start, h.end)}`);

describe('findTradePatterns', () => {
  it('reads unit prices in Chinese and English', () => {
    expect(ids('0.5元/张')).toContain('unit-price:0.5元/张');
    expect(ids('五毛一张打包')).toContain('unit-price:五毛一张');
    expect(ids('$2 each, bulk')).toContain('unit-price:$2 each');
    expect(ids('€2.50 per selfie')).toContain('unit-price:€2.50 per selfie');
  });

  it('reads bulk quantities', () => {
    expect(ids('总共两万套')).toContain('bulk-quantity:两万套');
    expect(ids('1w张')).toContain('bulk-quantity:1w张');
    expect(ids('10k faces')).toContain('bulk-quantity:10k faces');
    expect(ids('5000+ photos')).toContain('bulk-quantity:5000+ photos');
  });

  it('reads contact ids and handles', () => {
    expect(ids('扣扣：39207668')).toContain('contact-id:扣扣：39207668');
    expect(ids('抠抠：三九二 零七 六六 八一')).toContain('contact-id:三九二 零七 六六 八一');
    expect(ids('tg @fresh_docs')).toContain('contact-id:@fresh_docs');
  });

  it('reads each kind in a text holding only what that kind needs (no digit, or no numeral)', () => {
    // Texts without an ASCII digit, or without a Chinese numeral, skip the patterns that need one: not these.
    expect(ids('三千组 五毛一张')).toEqual(['unit-price:五毛一张', 'bulk-quantity:三千组']);
    expect(ids('每张 5 块')).toEqual(['unit-price:每张 5 块', 'price:5 块']);
    expect(ids('t.me/faceshop 联系')).toEqual(['contact-id:t.me/faceshop']);
    expect(ids('〇七六六八一九')).toEqual(['contact-id:〇七六六八一九']);
  });

  it('finds nothing in an ordinary sentence', () => {
    expect(ids('纯棉床单 包邮 颜色可选')).toEqual([]);
  });
});
