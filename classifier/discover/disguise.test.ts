import { describe, expect, it } from 'vitest';
import { isDisguised } from './disguise.js';

describe('whether sellers disguise a term', () => {
  it('sees a Chinese term written half in pinyin, in pinyin, or in initials of three letters or more', () => {
    expect(isDisguised(['套娃'], ['套wa'])).toBe(true);
    expect(isDisguised(['lao桩'], ['老桩'])).toBe(true);
    expect(isDisguised(['蓝本'], ['lanben', 'lb'])).toBe(true);
    expect(isDisguised(['复活卡'], ['fhk'])).toBe(true);
    // A Latin term that is the initials of a Chinese one (zbp of 眨巴片).
    expect(isDisguised(['zbp'], ['眨巴片'])).toBe(true);
  });

  it('does not count two-letter initials, which are too often a word or another code', () => {
    expect(isDisguised(['面议'], ['my'])).toBe(false);
    expect(isDisguised(['小心'], ['xx'])).toBe(false);
  });

  it('sees a spelling split by punctuation or with digits for letters', () => {
    expect(isDisguised(['企枱', '企.枱'], [])).toBe(true);
    expect(isDisguised(['公仔紙', '公-仔-紙'], [])).toBe(true);
    expect(isDisguised(['plate shots', 'p.l.a.t.e s.h.o.t.s'], [])).toBe(true);
    expect(isDisguised(['face rolls', 'f4ce r0lls'], [])).toBe(true);
  });

  it('says nothing of plurals, run-together or hyphenated words, traditional characters and spaces', () => {
    expect(isDisguised(['profiles'], ['profile'])).toBe(false);
    expect(isDisguised(['b side', 'b-side', 'bsides'], ['b sides'])).toBe(false);
    expect(isDisguised(['同學錄', '同学录'], [])).toBe(false);
    expect(isDisguised(['問來源', '問 來 源'], [])).toBe(false);
  });
});
