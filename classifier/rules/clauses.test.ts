import { describe, expect, it } from 'vitest';
import { isNoise } from './clauses.js';

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
