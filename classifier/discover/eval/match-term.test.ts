import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../lexicon/load.js';
import { TermMatcher } from './match-term.js';

const matcher = new TermMatcher(loadLexicon());
const matches = (candidate: string, term: string, variants: string[] = []) =>
  matcher.allMatches({ term: candidate, variants: [] }, [{ term, variants }]).length > 0;

describe('when a candidate counts as a writer term', () => {
  it('matches equal, traditional and split spellings, and a containment of at least half the longer', () => {
    expect(matches('蓝本', '蓝本')).toBe(true);
    expect(matches('藍本', '蓝本')).toBe(true);
    expect(matches('蓝 本', '蓝本')).toBe(true);
    expect(matches('蓝本', '蓝本照')).toBe(true);
    expect(matches('件宝', '三件宝')).toBe(true);
    expect(matches('head crates', 'head crate')).toBe(true);
    expect(matches('flip book', 'flipbooks')).toBe(true);
    expect(matches('lanben', '蓝本', ['lanben'])).toBe(true);
  });

  it('does not match a fragment, a word inside another word, or a short piece of a long term', () => {
    expect(matches('本', '蓝本')).toBe(false);
    expect(matches('ios', 'closet')).toBe(false);
    expect(matches('head', 'head crates')).toBe(false);
    expect(matches('满汉', '满汉全席大套餐')).toBe(false);
  });
});
