import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize/normalize.js';
import { clauseBreakBefore, isNoise, sentencesWithNoise, wordBreakBefore } from './clauses.js';

const nt = (text: string) => normalize(text, new Map());
const sentences = (text: string) => {
  const n = nt(text);
  return sentencesWithNoise(n).map((s) => n.text.slice(s.start, s.end).trim());
};

describe('sentences', () => {
  it('end at strong marks and at a full stop with white space after it', () => {
    expect(sentences('手持照。五毛一张！Fresh sets. DM me')).toEqual(['手持照', '五毛一张', 'fresh sets', 'dm me']);
  });

  it('do not end at a full stop inside a word or a number', () => {
    expect(sentences('price 3.5 each from S.à.r.l')).toHaveLength(1);
  });

  it('do not end at a comma', () => {
    expect(sentences('纯棉，四件套')).toHaveLength(1);
  });
});

describe('breaks', () => {
  it('a clause break is punctuation between two compact characters, not a space', () => {
    const n = nt('纯棉，四件套 床品');
    expect(clauseBreakBefore(n, n.text.indexOf('四'))).toBe(true);
    expect(clauseBreakBefore(n, n.text.indexOf('床'))).toBe(false);
    expect(wordBreakBefore(n, n.text.indexOf('床'))).toBe(true);
    expect(wordBreakBefore(n, n.text.indexOf('件'))).toBe(false);
  });
});

describe('isNoise', () => {
  it('counts only characters that are not white space, whatever the kind of space', () => {
    // Eight characters or more in all, fewer than eight visible: ideographic and no-break spaces do not count.
    expect(isNoise('{};=\u3000\u00a0\u2003\u3000\u3000')).toBe(false);
    expect(isNoise('{a=1;}\u3000{b=2;}')).toBe(true);
  });

  it('takes columns of long digit and hex runs for noise, and a price list for words', () => {
    expect(isNoise('123456 7890123 a1b2c3d4')).toBe(true);
    expect(isNoise('身份证 5元一张 100张起')).toBe(false);
  });
});
