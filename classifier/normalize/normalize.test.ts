import { describe, expect, it } from 'vitest';
import { isObfuscatedSpan, normalize, originalRange } from './normalize.js';

const emoji = new Map([
  [0x1faaa, '身份证'],
  [0x1f933, ' selfie '],
]);
const norm = (s: string) => normalize(s, emoji);

/** The original text behind the first occurrence of `needle` in the compact view. */
function backToOriginal(s: string, needle: string): string {
  const nt = norm(s);
  const at = nt.text.indexOf(needle);
  expect(at, `"${needle}" in "${nt.text}"`).toBeGreaterThanOrEqual(0);
  const [a, b] = originalRange(nt, at, at + needle.length);
  return s.slice(a, b);
}

describe('normalize', () => {
  it('joins Chinese characters split by separators and maps back to the split original', () => {
    expect(norm('出售身.份.证照片').text).toBe('出售身份证照片');
    expect(backToOriginal('出售身.份.证照片', '身份证')).toBe('身.份.证');
    expect(backToOriginal('手 持 照', '手持照')).toBe('手 持 照');
  });

  it('keeps clause boundaries made of long separator runs or new lines', () => {
    expect(norm('好评 ... 身份证').text).toBe('好评 身份证');
    expect(norm('床单\n被套').text).toBe('床单 被套');
  });

  it('joins letter-spaced Latin but not ordinary words', () => {
    expect(norm('K-Y-C packs').text).toBe('kyc packs');
    expect(norm('s e l f i e').text).toBe('seifie');
    expect(norm('selfie with ID').text).toBe('seifie with id');
  });

  it('reads a letter beside an accented one as part of its word, not a letter spaced out', () => {
    // Vietnamese: the n of tuần and the n of này are word ends and starts, not a split "nn".
    expect(norm('tuần này').text).toBe('tuần này');
    expect(norm('vậy mọi người').text).toBe('vậy mọi người');
  });

  it('decodes leetspeak inside words and leaves numbers and quantities alone', () => {
    expect(norm('s3lfie w/ 1D').text).toBe('seifie w id');
    expect(norm('fu11z FuIIz fullz').text).toBe('fuiiz fuiiz fuiiz');
    expect(norm('acc + 0wn3r f4ce').text).toBe('acc + owner face');
    expect(norm('1w张 10k iphone14 4k').text).toBe('1w张 10k iphone14 4k');
  });

  it('reads full-width, traditional and invisible-laden text', () => {
    expect(norm('ＫＹＣ 手持身份證').text).toBe('kyc 手持身份证');
    expect(norm('身\u200b份\u200c证').text).toBe('身份证');
    expect(backToOriginal('买身\u200b份\u200c证', '身份证')).toBe('身\u200b份\u200c证');
  });

  it('replaces emoji with the words they stand for, mapped to the emoji', () => {
    expect(norm('手持🪪照').text).toBe('手持身份证照');
    expect(backToOriginal('手持🪪照', '身份证')).toBe('🪪');
  });

  it('keeps prices readable in the base view', () => {
    expect(norm('０.５元／张').base).toBe('0.5元/张');
  });

  describe('isObfuscatedSpan', () => {
    const obfuscated = (s: string, needle: string) => {
      const nt = norm(s);
      const at = nt.text.indexOf(needle);
      return isObfuscatedSpan(nt, at, at + needle.length);
    };
    it('is true for split, invisible-laden, leet and emoji spellings', () => {
      expect(obfuscated('身.份.证', '身份证')).toBe(true);
      expect(obfuscated('身 份 证', '身份证')).toBe(true);
      expect(obfuscated('身\u200b份证', '身份证')).toBe(true);
      expect(obfuscated('s3lfie', 'seifie')).toBe(true);
      expect(obfuscated('手持🪪', '身份证')).toBe(true);
      expect(obfuscated('sеlfie', 'seifie')).toBe(true);
    });
    it('is false for plain, full-width or traditional spellings', () => {
      expect(obfuscated('身份证', '身份证')).toBe(false);
      expect(obfuscated('身份證', '身份证')).toBe(false);
      expect(obfuscated('ＫＹＣ', 'kyc')).toBe(false);
      expect(obfuscated('人脸 四件套', '人脸四件套')).toBe(false);
    });
  });
});
