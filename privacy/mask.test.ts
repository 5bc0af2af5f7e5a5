import { describe, expect, it } from 'vitest';
import { isChineseIdNumber, maskSensitive, passesLuhn } from './mask.js';

describe('maskSensitive', () => {
  it('masks an ID number with a valid checksum, keeping its length', () => {
    expect(isChineseIdNumber('11010519491231002X')).toBe(true);
    const text = '身份证 11010519491231002X 手持';
    const masked = maskSensitive(text);
    expect(masked).toBe('身份证 11**************2X 手持');
    expect(masked).toHaveLength(text.length);
  });

  it('leaves 18-digit numbers with a wrong checksum alone (order numbers, not IDs)', () => {
    expect(maskSensitive('订单号 110105194912310021')).toBe('订单号 110105194912310021');
  });

  it('masks bank card numbers that pass Luhn, with or without spaces', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(maskSensitive('card 4111 1111 1111 1111 ok')).toBe('card **** **** **** 1111 ok');
    expect(maskSensitive('6222021234567890128')).toBe('***************0128');
    expect(maskSensitive('6222021234567890129')).toBe('6222021234567890129'); // fails Luhn: not a card
  });

  it('masks Chinese mobiles and international numbers', () => {
    expect(maskSensitive('加V 13812345678')).toBe('加V 138******78');
    expect(maskSensitive('WhatsApp +44 7911 123456')).toBe('WhatsApp +44 **** ****56');
  });

  it('leaves prices, quantities and QQ-length numbers alone', () => {
    expect(maskSensitive('0.5元/张 两万套 20000 扣扣 39207668')).toBe('0.5元/张 两万套 20000 扣扣 39207668');
  });
});
