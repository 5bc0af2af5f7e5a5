import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from './site-config.js';
import { discoverLinks } from './links.js';

const site = parseSiteConfig({ name: 'm', startUrls: ['http://m.example/s'], links: { listing: 'a.item', next: 'a.next' }, dropParams: ['sess'] });

describe('discoverLinks', () => {
  it('finds listing and next links, canonical, on allowed hosts only', () => {
    const html = `<a class="item" href="/item/1?spm=x&sess=2#top">1</a><a class="item" href="http://evil.example/item/2">2</a>
      <a class="item" href="javascript:alert(1)">3</a><a class="next" href="/s?page=2&utm_source=a">next</a>`;
    expect(discoverLinks(html, 'http://m.example/s', site)).toEqual({ listings: ['http://m.example/item/1'], next: ['http://m.example/s?page=2'], other: [] });
  });

  it('takes listing links by URL pattern', () => {
    const byPattern = parseSiteConfig({ name: 'm', startUrls: ['http://m.example/s'], listingUrlPattern: '/item/\\d+$' });
    const { listings, other } = discoverLinks('<a href="/item/7">a</a><a href="/about">b</a>', 'http://m.example/s', byPattern);
    expect(listings).toEqual(['http://m.example/item/7']);
    expect(other).toEqual([]);
  });
});
