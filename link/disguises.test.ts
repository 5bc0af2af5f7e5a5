import { describe, expect, it } from 'vitest';
import { undisguise } from './disguises.js';
import { foldText } from './fold-text.js';

const un = (s: string) => undisguise(foldText(s));

describe('undisguise', () => {
  it('rewrites each spelled disguise', () => {
    expect(un('plus one two-oh-two five-five-five oh-one-eight-seven')).toBe('+12025550187');
    expect(un('+852 5OOO O168')).toBe('+852 5000 0168');
    expect(un('x [at] y [dot] example')).toBe('x@y.example');
    expect(un('前五位28374，后五位65190')).toContain('2837465190');
    expect(un('再加两个八')).toBe('再加88');
    expect(un('倒着读：88 bal ecaf')).toBe('倒着读：facelab88'.replace('：', ':'));
  });

  it('leaves prose alone', () => {
    for (const s of ['one two three', 'look at the dog. thanks', 'hello world', '无底线', '前五位28374，后四位65190', 'meet at noon dot']) {
      expect(un(s)).toBe(foldText(s));
    }
  });
});

describe('undisguise: repeated digits, ids told by their ends, addresses in Hindi', () => {
  it('reads Cantonese 孖/雙 ("a pair of") and 三條 ("three of") before a digit', () => {
    expect(un('微：ah keung 孖八')).toBe('微:ah keung 88');
    expect(un('WhatsApp：六三條五 零八一九')).toBe('whatsapp:六555 零八一九');
    expect(un('綠色app：ahkeung雙八')).toBe('绿色app:ahkeung88');
  });

  it('leaves 双 and 孖 of words alone', () => {
    for (const s of ['双十一大促', '双眼皮贴', '孖仔衫', '双八折']) expect(un(s)).toBe(foldText(s));
  });

  it('joins an id told by how it starts and how it ends', () => {
    expect(un('薇信号开头是 kyc，结尾是 shop2026，中间一个下划线。')).toContain('kyc_shop2026');
    expect(un('first half deepkyc, second half _pro.')).toContain('deepkyc_pro');
    expect(un('starts with deep and ends with kyc88')).toContain('deepkyc88');
  });

  it('joins nothing on one marker alone', () => {
    for (const s of ['the warranty ends with the year', 'first half of the year, then sales']) expect(un(s)).toBe(foldText(s));
  });

  it('reads @ and the dot said in Hindi (ऐट, डॉट)', () => {
    expect(un('Mail: facekit.in ऐट mailbox डॉट example')).toBe('mail: facekit.in@mailbox.example');
  });
});
