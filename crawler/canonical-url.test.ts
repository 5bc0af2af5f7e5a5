import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url.js';

describe('canonicalUrl', () => {
  it('drops fragments, utm_* and marketplace trackers, and sorts the query', () => {
    expect(canonicalUrl('HTTP://Market.Example.com:80/item?id=7&spm=a.b.c&utm_source=x&b=2#desc')).toBe('http://market.example.com/item?b=2&id=7');
  });
  it("drops the site's own parameters", () => {
    expect(canonicalUrl('https://m.example/i?id=1&from=home&sess=9', ['sess'])).toBe('https://m.example/i?id=1');
  });
  it('keeps meaningful parameters and their order of repeated keys by value', () => {
    expect(canonicalUrl('https://m.example/s?q=b&q=a&page=2')).toBe('https://m.example/s?page=2&q=a&q=b');
  });
  it('gives the same URL for differently tracked links to one listing', () => {
    const a = canonicalUrl('https://m.example/item/9?spm=1&pvid=x');
    const b = canonicalUrl('https://m.example/item/9?scm=2#top');
    expect(a).toBe(b);
  });
});
