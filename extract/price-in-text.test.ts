import { describe, expect, it } from 'vitest';
import { priceInText } from './price-in-text.js';

const amount = (text: string, region: string | null = null) => priceInText(text, region)?.amount;

describe("a price in the seller's words", () => {
  it('is the asking price, not what the seller paid or what it costs new, even when those come first', () => {
    expect(amount('Bought it in 2021 for $699. Asking $380 shipped, or $350 local.')).toBe('380');
    expect(amount('Retail price $129, selling for $60.')).toBe('60');
    expect(amount('Paid £200 new. £90 ono.')).toBe('90');
    expect(amount('原价3999元，入手半年，现在2650元出', 'CN')).toBe('2650');
  });

  it('passes over a past price without asking words, and is the first money when nothing tells', () => {
    expect(amount('Originally $120, now $75 with the case.')).toBe('75');
    expect(amount('Lovely desk, $150, pick up only. Chair $20 extra.')).toBe('150');
  });

  it('is a number without a currency only where asking words stand beside it ("520 出", "售价 520")', () => {
    expect(amount('去年双十一 999 入的，8G 无广告版，看了不到十本书。现在 520 出，不刀，顺丰到付。', 'CN')).toBe('520');
    expect(amount('自用 Kindle，售价 450，同城面交', 'CN')).toBe('450');
    expect(amount('Selling my 2 chairs, 3 years old, in good shape.')).toBeUndefined();
    expect(amount('Want 2 tickets for Saturday, $50 each.')).toBe('50');
    expect(amount('原价 ¥999，现在 520 出', 'CN')).toBe('520');
  });

  it('hears asking words in the languages of Indonesian, Vietnamese, Thai, Arabic and Russian classifieds', () => {
    expect(amount('Kondisi mulus 95%, garansi 2 tahun. Harga: 2.450.000 nego tipis')).toBe('2450000');
    expect(amount('Máy đẹp 95%, pin 4 tiếng. Giá 8900000 có bớt')).toBe('8900000');
    expect(amount('ใช้งาน 2 ปี ราคา 4500 ต่อรองได้')).toBe('4500');
    expect(amount('مستخدم سنة واحدة، ٦ مخدات. السعر: ٢٥٠٠ والسوم على الخاص')).toBe('2500');
    expect(amount('Доставка 2 дня, цена 3 500')).toBe('3500');
  });

  it('passes over the same price converted into another currency ("≈ $119.94")', () => {
    expect(amount('Worth it: (≈ $119.94), pay 0.64 XMR')).toBe('0.64');
    expect(amount('约合 ¥850，付 120 USDT')).toBe('120');
  });
});
