import { describe, expect, it } from 'vitest';
import { PhraseMatcher, type PhraseHit } from './phrase-matcher.js';

const hitsOf = (m: PhraseMatcher, text: string): PhraseHit[] => {
  const out: PhraseHit[] = [];
  m.match(text, (h) => out.push(h));
  return out;
};

describe('PhraseMatcher', () => {
  it('finds every phrase at each position, longest first, phrases of one spelling in the order added, across spaces', () => {
    const m = new PhraseMatcher();
    m.add('身份证', { entry: 0, coded: false });
    m.add('手持身份证照', { entry: 1, coded: false });
    m.add('手持', { entry: 2, coded: false });
    m.add('手持', { entry: 3, coded: true });
    expect(hitsOf(m, '出 手 持身份证照')).toEqual([
      { entry: 1, coded: false, start: 2, end: 9 },
      { entry: 2, coded: false, start: 2, end: 5 },
      { entry: 3, coded: true, start: 2, end: 5 },
      { entry: 0, coded: false, start: 5, end: 8 },
    ]);
    expect(m.size).toBe(4);
  });

  it('matches a Latin phrase only as whole words, and learns phrases added after a match', () => {
    const m = new PhraseMatcher();
    m.add('kyc', { entry: 0, coded: false });
    expect(hitsOf(m, 'kyc kycs akyc')).toEqual([{ entry: 0, coded: false, start: 0, end: 3 }]);
    m.add('kycs', { entry: 1, coded: true });
    expect(hitsOf(m, 'akyc kycs').map((h) => [h.entry, h.start, h.end])).toEqual([[1, 5, 9]]);
  });

  it('holds a lexicon-sized trie: thousands of phrases sharing prefixes, each found', () => {
    const m = new PhraseMatcher();
    const words = Array.from({ length: 3000 }, (_, i) => `se${i.toString(36)}x`);
    words.forEach((w, i) => m.add(w, { entry: i, coded: false }));
    const text = words.filter((_, i) => i % 7 === 0).join(' ');
    expect(hitsOf(m, text).map((h) => h.entry)).toEqual(words.map((_, i) => i).filter((i) => i % 7 === 0));
  });
});
