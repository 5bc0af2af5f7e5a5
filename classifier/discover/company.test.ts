import { describe, expect, it } from 'vitest';
import { demoteCompany } from './company.js';

const term = (name: string, score: number, listings: number[]) => ({ name, evidence: { contrast: 0, offerShare: 1, score }, listings });
const order = (xs: readonly { name: string }[]) => xs.map((x) => x.name);

describe('company words', () => {
  it('demotes a term all of whose listings a stronger term holds', () => {
    const out = demoteCompany([term('臉譜包', 8, [1, 2, 3]), term('生款', 7, [2, 3]), term('素顏集', 6, [4, 5])], 2);
    expect(order(out)).toEqual(['臉譜包', '素顏集', '生款']);
    expect(out.find((t) => t.name === '生款')!.evidence.score).toBe(5);
  });

  it('keeps a term with a listing of its own, and one seen in a single listing', () => {
    const out = demoteCompany([term('a', 8, [1, 2]), term('b', 7, [2, 3]), term('c', 6, [1])], 2);
    expect(out.map((t) => t.evidence.score)).toEqual([8, 7, 6]);
  });

  it('judges each term against the ones ranked above it only', () => {
    // The stronger term shares its listings with a weaker one: the weaker is the company, not the stronger.
    const out = demoteCompany([term('weak', 3, [1, 2]), term('strong', 9, [1, 2, 3])], 2);
    expect(out.find((t) => t.name === 'strong')!.evidence.score).toBe(9);
    expect(out.find((t) => t.name === 'weak')!.evidence.score).toBe(1);
  });
});
