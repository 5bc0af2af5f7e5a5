import { describe, expect, it } from 'vitest';
import { foldCodePoint, latinBase } from './char-fold.js';

const fold = (s: string) => [...s].map((c) => foldCodePoint(c.codePointAt(0)!)).join('');

describe('foldCodePoint', () => {
  it('turns full-width Latin into lower-case ASCII', () => expect(fold('ＫＹＣ１２')).toBe('kyc12'));
  it('drops zero-width and joiner characters', () => expect(fold('身\u200b份\u200d证\ufeff')).toBe('身份证'));
  it('maps traditional characters to simplified', () => expect(fold('手持身份證照臉')).toBe('手持身份证照脸'));
  it('maps Cyrillic look-alikes to Latin', () => expect(fold('sеlfiе')).toBe('selfie'));
  it('leaves ordinary text alone', () => expect(fold('selfie 四件套')).toBe('selfie 四件套'));
});

describe('latinBase', () => {
  it('gives the base letters of accented, stroked and joined Latin letters', () => {
    expect(['ặ', 'é', 'ǒ', 'đ', 'ß', 'œ', 'ø'].map((ch) => latinBase(ch.codePointAt(0)!))).toEqual(['a', 'e', 'o', 'd', 'ss', 'oe', 'o']);
  });

  it('gives nothing for what is no Latin letter', () => {
    expect(['a', '×', '÷', '中', 'ɐ', '€'].map((ch) => latinBase(ch.codePointAt(0)!))).toEqual(['', '', '', '', '', '']);
  });
});
