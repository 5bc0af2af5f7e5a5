import { describe, expect, it } from 'vitest';
import { splitConcurrency } from './helper-workers.js';

describe('splitConcurrency', () => {
  it('shares the jobs at once between the processes, the crawl first', () => {
    expect(splitConcurrency(16, 2)).toEqual([8, 8]);
    expect(splitConcurrency(5, 2)).toEqual([3, 2]);
  });

  it('never gives a process nothing to do', () => {
    expect(splitConcurrency(2, 4)).toEqual([1, 1]);
    expect(splitConcurrency(4, 1)).toEqual([4]);
  });
});
