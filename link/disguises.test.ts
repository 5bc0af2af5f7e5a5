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
