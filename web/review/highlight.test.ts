import { describe, expect, it } from 'vitest';
import { highlightSegments, inTextOrder } from './highlight.js';

const view = (text: string, spans: Parameters<typeof highlightSegments>[1]) =>
  highlightSegments(text, spans)
    .map((s) => (s.reasons.length ? `[${s.text}|${s.reasons.join(',')}]` : s.text))
    .join('');

describe('highlightSegments', () => {
  it('cuts the text around one span and keeps every character', () => {
    expect(view('sell 手持身份证 now', [{ start: 5, end: 10, reason: 'id' }])).toBe('sell [手持身份证|id] now');
  });

  it('merges overlapping spans into one mark with both reasons', () => {
    expect(
      view('abcdefgh', [
        { start: 4, end: 7, reason: 'b' },
        { start: 1, end: 5, reason: 'a' },
      ]),
    ).toBe('a[bcdefg|a,b]h');
    expect(
      view('abcdef', [
        { start: 0, end: 6, reason: 'x' },
        { start: 2, end: 3, reason: 'x' },
      ]),
    ).toBe('[abcdef|x]');
  });

  it('keeps spans that only touch as separate marks', () => {
    expect(
      view('abcd', [
        { start: 0, end: 2, reason: 'a' },
        { start: 2, end: 4, reason: 'b' },
      ]),
    ).toBe('[ab|a][cd|b]');
  });

  it('clamps spans outside the text and drops empty or reversed ones', () => {
    expect(
      view('abc', [
        { start: -3, end: 1, reason: 'a' },
        { start: 2, end: 99, reason: 'b' },
      ]),
    ).toBe('[a|a]b[c|b]');
    expect(
      view('abc', [
        { start: 2, end: 2, reason: 'e' },
        { start: 3, end: 1, reason: 'r' },
        { start: 7, end: 9, reason: 'o' },
      ]),
    ).toBe('abc');
  });

  it('gives one plain segment for text without spans, even empty text', () => {
    expect(highlightSegments('', [])).toEqual([{ text: '', reasons: [] }]);
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', reasons: [] }]);
  });

  it('counts offsets in UTF-16 units, as the server gives them', () => {
    // 😀 is two UTF-16 units: the span [2, 4) is the word after it.
    expect(view('😀ab', [{ start: 2, end: 4, reason: 'w' }])).toBe('😀[ab|w]');
  });
});

describe('inTextOrder', () => {
  it('lists evidence by field as the classifier reads the listing, then by offset', () => {
    const span = (field: 'title' | 'description' | 'price', start: number, end: number) => ({ field, start, end });
    const listed = inTextOrder([span('price', 0, 4), span('description', 9, 12), span('title', 3, 5), span('description', 2, 4), span('title', 3, 9)]);
    expect(listed).toEqual([span('title', 3, 9), span('title', 3, 5), span('description', 2, 4), span('description', 9, 12), span('price', 0, 4)]);
  });
});
