import { describe, expect, it } from 'vitest';
import { findTerms } from './term-finder.js';

const marked = (text: string) => findTerms(text).map((s) => [text.slice(s.start, s.end), s.kind]);

describe('the term finder', () => {
  it("finds coded terms and the trade signals beside them, with the classifier's reasons", () => {
    const text = '手持身份证照 一套三张 五毛一张 加V详聊';
    const spans = findTerms(text);
    expect(marked(text)).toEqual(
      expect.arrayContaining([
        ['手持身份证照', 'term'],
        ['五毛一张', 'signal'],
      ]),
    );
    expect(spans.find((s) => s.kind === 'term')!.reason).toBe('coded term for id_holding_photo');
  });

  it('marks disguised spellings where the seller wrote them', () => {
    const text = '出 手.持.身.份.证 高清原图';
    const term = findTerms(text).find((s) => s.kind === 'term')!;
    expect(text.slice(term.start, term.end)).toBe('手.持.身.份.证');
    expect(term.reason).toMatch(/disguised spelling/);
  });

  it('marks nothing in a block without a coded term, however many prices it has', () => {
    expect(findTerms('新疆长绒棉 床单 ¥199 五毛一张 加V详聊')).toEqual([]);
    expect(findTerms('   ')).toEqual([]);
  });

  it('gives spans that neither nest nor overlap, in order', () => {
    const spans = findTerms('人脸四件套 身份证+银行卡+手机卡+人脸 一手料 手持身份证照 两万套 加vx 12345678');
    expect(spans.length).toBeGreaterThan(2);
    for (let k = 1; k < spans.length; k++) expect(spans[k]!.start).toBeGreaterThanOrEqual(spans[k - 1]!.end);
  });
});
