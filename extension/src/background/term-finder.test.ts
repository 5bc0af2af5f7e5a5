import { describe, expect, it } from 'vitest';
import { parseOverlay } from '../../../classifier/portable.js';
import { findTerms, findTermsInBlocks, lexiconWith } from './term-finder.js';

// 雾面照: a word the shipped lexicon does not know, as the server's overlay sends it once approved.
const APPROVED = parseOverlay({
  format: 'faceleak-lexicon-overlay/1',
  terms: [{ term: '雾面照', variants: [], category: 'id_holding_photo', needsSignal: true, weight: 2 }],
});
const OFFER = '雾面照 现货 五毛一张 加v详聊';

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

  it('marks a term investigators approved only when the overlay is given', () => {
    expect(findTerms(OFFER, lexiconWith(null))).toEqual([]);
    const spans = findTerms(OFFER, lexiconWith(APPROVED));
    const term = spans.find((s) => s.kind === 'term');
    expect(term && OFFER.slice(term.start, term.end)).toBe('雾面照');
    expect(term?.reason).toMatch(/^approved term: 雾面照 for id_holding_photo/);
    // The same overlay again is the lexicon already built; the blocks of a page use it too.
    expect(lexiconWith(parseOverlay(JSON.parse(JSON.stringify(APPROVED))))).toBe(lexiconWith(APPROVED));
    expect(findTermsInBlocks([OFFER, '新疆长绒棉 床单 ¥199'], lexiconWith(APPROVED)).map((b) => b.length > 0)).toEqual([true, false]);
  });

  it('keeps the shipped lexicon when the overlay is empty', () => {
    expect(findTerms(OFFER, lexiconWith(parseOverlay({ terms: [] })))).toEqual([]);
  });
});
