import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { mixedDigitWords, romanDigits } from './digit-disguises.js';
import { foldText } from './fold-text.js';

describe('romanDigits', () => {
  it('reads a number written one Roman numeral a digit, dropping the note that says so', () => {
    expect(romanDigits(foldText('企鹅（罗马数字）：III-I-VII-IV-IX-V-II-VIII-I-VI'))).toBe('企鹅:3174952816');
    expect(romanDigits('qq viii vii vi v iv')).toBe('qq 87654');
  });

  it('leaves fewer numerals, and numerals inside words, alone', () => {
    for (const s of ['chapter iv - part i', 'ii-iv-vi', 'vivid ivi-vix-iii-ii-i', 'louis xiv']) expect(romanDigits(s)).toBe(s);
  });

  it('gives the QQ number, not a WeChat id read after the V among the numerals', () => {
    const keys = extractHandles({ id: 'x', description: '失败不收费。企鹅（罗马数字）：III-I-VII-IV-IX-V-II-VIII-I-VI' }).map((h) => h.key);
    expect(keys).toEqual(['qq:3174952816']);
  });
});

describe('mixedDigitWords', () => {
  it('reads English digit words mixed with Chinese numerals as one number', () => {
    expect(mixedDigitWords('whatsapp: nine四四四 一two零seven')).toBe('whatsapp:  94441207 ');
    expect(extractHandles({ id: 'x', description: '手机：one三九 eight八八八 two两两one' }).map((h) => h.key)).toEqual(['phone:13988882221']);
  });

  it('leaves one language alone, short runs, and digit words inside words', () => {
    for (const s of ['one一 two', 'someone 一二三四五六七', 'two people, 一二三 go']) expect(mixedDigitWords(s)).toBe(s);
  });
});
