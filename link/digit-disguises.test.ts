import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { romanDigits } from './digit-disguises.js';
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
