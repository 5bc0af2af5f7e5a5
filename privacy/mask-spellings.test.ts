import { describe, expect, it } from 'vitest';
import { maskSensitive } from './mask.js';

// A valid resident ID (checksum 3), a mobile and a card that passes Luhn, each written the ways
// sellers write them to get past filters. Masked: the same digits visible as for the plain spelling.
const MASKED: [spelling: string, text: string, shown: string][] = [
  ['ID, plain', '加V 440304199001011233', '加V 44**************33'],
  ['ID, spaces', '4403 0419 9001 0112 33', '44** **** **** **** 33'],
  ['ID, dashes', '440304-19900101-1233', '44****-********-**33'],
  ['ID, full-width', '４４０３０４１９９００１０１１２３３', '４４**************３３'],
  ['ID, letter prefix', 'sfz440304199001011233', 'sfz44**************33'],
  ['ID, zero-width inside', '440304\u200b199001011233', '44****\u200b**********33'],
  ['ID, full-width X', '11010519491231002Ｘ', '11**************2Ｘ'],
  ['ID, Chinese numerals', '四四〇三〇四一九九〇〇一〇一一二三三', '四四**************三三'],
  ['ID, 15 digits (old format)', '身份证 130503670401001', '身份证 13***********01'],
  ['mobile, vx prefix', 'vx13812345678', 'vx138******78'],
  ['mobile, dots', '138.1234.5678', '138.****.**78'],
  ['mobile, brackets and dash', '(138)1234-5678', '(138)****-**78'],
  ['mobile, full-width', '１３８１２３４５６７８', '１３８******７８'],
  ['mobile, Chinese numerals with 幺', '幺三八幺二三四五六七八', '幺三八******七八'],
  ['mobile, Chinese numerals', '一三八一二三四五六七八', '一三八******七八'],
  ['mobile, Arabic and Chinese mixed', '1三8 1234 5678', '1三8 **** **78'],
  ['mobile, after a Chinese numeral', '第一13812345678', '第一138******78'],
  ['mobile, zero-width inside', '138\u200c1234\u200d5678', '138\u200c****\u200d**78'],
  ['mobile, mathematical digits (two UTF-16 units each)', '𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', '𝟏𝟑𝟖************𝟕𝟖'],
  ['two mobiles side by side', '13812345678 13912345678', '138******78 139******78'],
  ['mobile, +86 and groups', '+86 138 1234 5678', '+86 1** **** **78'],
  ['mobile, odd groups of spaces', '138 12 34 56 78', '138 ** ** ** 78'],
  ['mobile, digits spaced one by one', '1 3 8 1 2 3 4 5 6 7 8', '1 3 8 * * * * * * 7 8'],
  ['landline, 3-digit area code', '010-12345678', '010-******78'],
  ['landline, 4-digit area code', '0755-1234567', '075*-*****67'],
  ['landline, bracketed area code', '(021) 1234 5678', '(021) **** **78'],
  ['international, bracketed', '+1 (415) 555-0132', '+1 (4**) ***-**32'],
  ['card, dots', '6222.0212.3456.7890.128', '****.****.****.***0.128'],
  ['card, full-width', '６２２２０２１２３４５６７８９０１２８', '***************０１２８'],
  ['card, letter prefix', 'card6222021234567890128', 'card***************0128'],
];

// What must stay: quantities, prices, dates, order numbers, QQ numbers (8–10 digits) and counting words.
const KEPT: [what: string, text: string][] = [
  ['prices, quantities and a QQ number', '0.5元/张 两万套 20000 扣扣 39207668'],
  ['a 10-digit QQ number', 'QQ 3920766812'],
  ['a QQ number in Chinese numerals', '抠抠：三九二 零七 六六 八一'],
  ['counting words', '一二三四五六七八九十 一五一十 三三两两'],
  ['Chinese quantities', '人脸照片 两万套 打包 三千组 一套三张'],
  ['an 18-digit order number (bad checksum)', '订单号 110105194912310021'],
  ['a 14-digit order number', '订单 20240115123456'],
  ['a 15-digit number that is no ID (province 99, month 13)', '单号 990503671301001'],
  ['a date range', '2024-01-15 2024-02-20 2024.01.15-2024.02.20'],
  ['a price list', '价格 12.5 13.5 99.9 ¥30/套'],
  ["decimals with a phone's digits", '单价 1.38 1.23 4.56 7.8 / 13.50 18.80 19.90'],
  ["decimals with a card's digits (Luhn passes)", '1.5 2.5 3.5 4.5 5.5 6.5 7.5 8.5 9.5'],
];

describe('maskSensitive: spellings of a number', () => {
  it.each(MASKED)('masks %s', (_spelling, text, shown) => {
    const masked = maskSensitive(text);
    expect(masked).toBe(shown);
    expect(masked).toHaveLength(text.length);
  });

  it.each(KEPT)('leaves %s alone', (_what, text) => {
    expect(maskSensitive(text)).toBe(text);
  });
});
