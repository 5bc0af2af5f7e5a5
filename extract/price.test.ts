import { describe, expect, it } from 'vitest';
import { chineseNumber } from './chinese-number.js';
import { currencyOf, regionOf } from './currency.js';
import { findPrices, parseNumber, parsePrice } from './price.js';

const price = (text: string, region: string | null = null) => {
  const p = parsePrice(text, { region, bare: true });
  return p && { amount: p.amount, currency: p.currency, unit: p.unit };
};

describe('reading a price from text', () => {
  it('reads both groupings, a dash for no cents, and a lone separator by the digits after it', () => {
    expect(parseNumber('1.234,56')).toBe(1234.56);
    expect(parseNumber('1,234.56')).toBe(1234.56);
    expect(parseNumber('1 234,56')).toBe(1234.56);
    expect(parseNumber('51,500')).toBe(51500);
    expect(parseNumber('1.500')).toBe(1500);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('0.500')).toBe(0.5);
    expect(price('€ 20,-')).toEqual({ amount: '20', currency: 'EUR', unit: null });
    expect(price('51,500 €')).toEqual({ amount: '51500', currency: 'EUR', unit: null });
    expect(price('1 200 zł')).toEqual({ amount: '1200', currency: 'PLN', unit: null });
  });

  it('reads the crown written before the amount, as Norway and Denmark write it ("kr 2 500,-", "Kr. 1.200")', () => {
    expect(price('kr 2 500,-', 'NO')).toEqual({ amount: '2500', currency: 'NOK', unit: null });
    expect(price('Kr. 1.200', 'DK')).toEqual({ amount: '1200', currency: 'DKK', unit: null });
    // Not a word that merely starts with the letters.
    expect(findPrices('Krone 12 Stück')).toEqual([]);
  });

  it('never reads the K of a currency ("Kč") as thousands', () => {
    expect(price('3 500 Kč', 'CZ')).toEqual({ amount: '3500', currency: 'CZK', unit: null });
    expect(price('5K €')).toMatchObject({ amount: '5000' });
  });

  it('reads Indian lakh grouping and the naira, won and cedi', () => {
    expect(price('₹ 1,28,000')).toEqual({ amount: '128000', currency: 'INR', unit: null });
    expect(price('12,50,000.50')).toMatchObject({ amount: '1250000.5' });
    expect(price('₦ 185,000')).toEqual({ amount: '185000', currency: 'NGN', unit: null });
    expect(price('214,900원')).toEqual({ amount: '214900', currency: 'KRW', unit: null });
    // A lone comma before three digits still groups thousands; it is not the start of a lakh group.
    expect(price('$1,250')).toMatchObject({ amount: '1250' });
  });

  it('tells the currency from the symbol, and from the region where the symbol names several', () => {
    expect(price('US $12.99')).toMatchObject({ amount: '12.99', currency: 'USD' });
    expect(price('NT$1,299')).toMatchObject({ amount: '1299', currency: 'TWD' });
    expect(price('$150')).toMatchObject({ currency: '$' });
    expect(price('$150', 'US')).toMatchObject({ currency: 'USD' });
    expect(price('一次付清特價 294 元', 'TW')).toEqual({ amount: '294', currency: 'TWD', unit: null });
    expect(price('1600元', 'CN')).toMatchObject({ amount: '1600', currency: 'CNY' });
    expect(price('1600元', null)).toMatchObject({ currency: 'CNY' });
    expect(price('Rs 1,500', 'PK')).toMatchObject({ amount: '1500', currency: 'PKR' });
    expect(price('Rs 1,500')).toMatchObject({ currency: 'Rs' });
    expect(currencyOf('￥', 'JP')).toBe('JPY');
  });

  it('reads 万, 毛, 块 and Chinese numerals, and what one price buys', () => {
    expect(price('180万')).toMatchObject({ amount: '1800000', currency: 'CNY' });
    expect(price('0.5元/张')).toEqual({ amount: '0.5', currency: 'CNY', unit: '张' });
    expect(price('五毛一张')).toEqual({ amount: '0.5', currency: 'CNY', unit: '张' });
    expect(price('3块5')).toMatchObject({ amount: '3.5' });
    expect(price('¥8/套')).toEqual({ amount: '8', currency: '¥', unit: '套' });
    expect(price('¥8/套', 'CN')).toEqual({ amount: '8', currency: 'CNY', unit: '套' });
    expect(price('$2 each')).toMatchObject({ amount: '2', unit: 'each' });
    expect(price('US$3 per set')).toMatchObject({ amount: '3', unit: 'set' });
    expect(chineseNumber('三万五千')).toBe(35000);
    expect(chineseNumber('十五')).toBe(15);
  });

  it('reads crypto as data sellers price it (USDT, "50U", BTC to eight decimals) and 刀 as dollars', () => {
    expect(price('售价 80 USDT')).toEqual({ amount: '80', currency: 'USDT', unit: null });
    expect(price('价格：50U一套')).toEqual({ amount: '50', currency: 'USDT', unit: '套' });
    expect(price('USDT 35')).toEqual({ amount: '35', currency: 'USDT', unit: null });
    expect(price('0.002 BTC')).toEqual({ amount: '0.002', currency: 'BTC', unit: null });
    expect(price('5刀一张')).toEqual({ amount: '5', currency: 'USD', unit: '张' });
    expect(findPrices('iPhone 15, 256 GB, 2 years old')).toEqual([]);
  });

  it('reads a crypto amount under one with four or more decimals whole, and Monero and Litecoin', () => {
    expect(price('0.6400 XMR')).toEqual({ amount: '0.64', currency: 'XMR', unit: null });
    expect(price('0.00054594 BTC')).toEqual({ amount: '0.00054594', currency: 'BTC', unit: null });
    expect(price('1.25 LTC')).toEqual({ amount: '1.25', currency: 'LTC', unit: null });
    // A grouped amount is still read by its groups ("$149.999" beside "21% OFF").
    expect(findPrices('$149.99921% OFF').map((p) => p.amount)).toEqual(['149999']);
  });

  it('reads Arabic-Indic digits, and the currency words of Arabic, Thai and Vietnamese classifieds', () => {
    expect(price('السعر: ٢٥٠٠ ريال')).toEqual({ amount: '2500', currency: 'ريال', unit: null });
    expect(price('٣٥٠ د.ك')).toEqual({ amount: '350', currency: 'KWD', unit: null });
    expect(price('۱۲۰۰ درهم')).toEqual({ amount: '1200', currency: 'AED', unit: null });
    expect(price('4,500 บาท')).toEqual({ amount: '4500', currency: 'THB', unit: null });
    expect(price('8.900.000 đ')).toEqual({ amount: '8900000', currency: 'VND', unit: null });
    // The words the page wrote are kept as written.
    expect(parsePrice('السعر ٢٥٠٠ ريال')?.text).toBe('٢٥٠٠ ريال');
  });

  it('takes the low end of a range, and a marked amount over a bare number', () => {
    expect(price('10-20元')).toMatchObject({ amount: '10', currency: 'CNY' });
    expect(price('$10 - $20')).toMatchObject({ amount: '10' });
    expect(price('Only 3 left — $5')).toMatchObject({ amount: '5' });
    expect(price('180万 20225元/平米')).toMatchObject({ amount: '1800000' });
  });

  it('finds in running text only amounts written with a currency', () => {
    expect(findPrices('iPhone 13 128GB, 2 years old, $420 or best offer').map((p) => p.amount)).toEqual(['420']);
    expect(findPrices('买了一块手表，用了3年')).toEqual([]);
    // A share is no amount: "21% OFF" beside a price box.
    expect(parsePrice('21% OFF', { bare: true })).toBeNull();
    expect(findPrices('-30 % heute, nur 49 €', { bare: true }).map((p) => p.amount)).toEqual(['49']);
    expect(findPrices('Selling my 2019 Audi\n51,500 € negotiable').map((p) => [p.amount, p.currency])).toEqual([['51500', 'EUR']]);
  });
});

describe("a page's region", () => {
  it('comes from its country domain, its language, or Traditional characters', () => {
    expect(regionOf('24h.pchome.com.tw', undefined)).toBe('TW');
    expect(regionOf('www.olx.pl', 'pl')).toBe('PL');
    expect(regionOf('www.gomaji.com', 'zh-Hant-TW')).toBe('TW');
    expect(regionOf('example.com', 'zh-CN')).toBe('CN');
    expect(regionOf('example.com', undefined, '一次付清特價 這個價格買賣')).toBe('TW');
    expect(regionOf('t.me', undefined)).toBeNull();
  });
});
