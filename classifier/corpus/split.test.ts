import { describe, expect, it } from 'vitest';
import type { CorpusItem } from './schema.js';
import { foldsByWriter, isHeldOut, writerOf } from './split.js';

const item = (id: string): CorpusItem => ({ id, label: 'benign', lang: 'en', evasive: false, hardNegative: false, newJargon: false });

describe('the corpus split', () => {
  it("names a listing's writer by its id prefix", () => {
    expect(writerOf('wxy-0001')).toBe('wxy');
    expect(writerOf('decision-12')).toBe('decision');
  });

  it('puts every listing of a writer in one fold, and spreads writers so folds are near equal', () => {
    const items = [...Array(50)]
      .map((_, i) => item(`big-${i}`))
      .concat(
        [...Array(30)].map((_, i) => item(`mid-${i}`)),
        [...Array(20)].map((_, i) => item(`low-${i}`)),
        [...Array(20)].map((_, i) => item(`tiny-${i}`)),
      );
    const folds = foldsByWriter(items, 3);
    for (const w of ['big', 'mid', 'low', 'tiny']) expect(new Set(folds.filter((_, i) => writerOf(items[i]!.id) === w)).size).toBe(1);
    const sizes = [0, 1, 2].map((f) => folds.filter((x) => x === f).length).sort((a, b) => a - b);
    expect(sizes).toEqual([40, 30 + 0, 50].sort((a, b) => a - b));
  });

  it('holds out about a quarter by id, the same ids in every release', () => {
    const ids = [...Array(2000)].map((_, i) => `x-${i}`);
    const share = ids.filter(isHeldOut).length / ids.length;
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.28);
    // Pinned: a change to the hash would move listings between training and the held-out split.
    expect(ids.slice(0, 40).filter(isHeldOut).join(',')).toBe('x-2,x-6,x-14,x-19,x-20,x-23,x-27,x-29,x-30,x-33,x-35,x-36');
  });
});
