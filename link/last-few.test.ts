import { describe, expect, it } from 'vitest';
import { keepingLastFew } from './last-few.js';

describe('keepingLastFew', () => {
  it('computes a text once while it is among the last few, and again once it has been pushed out', () => {
    const seen: string[] = [];
    const upper = keepingLastFew(2, (t) => {
      seen.push(t);
      return t.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(seen).toEqual(['a', 'b']);
    upper('c'); // pushes out 'a', the oldest
    expect(upper('b')).toBe('B');
    expect(upper('a')).toBe('A');
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });
});
