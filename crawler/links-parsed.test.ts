import { describe, expect, it } from 'vitest';
import { extractListing, parseHtml } from '../extract/index.js';
import { parseSiteConfig } from './site-config.js';
import { discoverLinks } from './links.js';

// An index page with listing cards, pagination, off-site and generic links, and a listing's own fields.
const html = `<html><head><title>Face photos 500 - Market</title><link rel="next" href="/s?page=3"></head><body>
  <nav><a href="/">Home</a><a href="/about">About</a></nav>
  <h1>Face photos 500</h1><p>A set of 500 face photos for training, with consent forms. Price $40.</p>
  <div class="cards"><a class="item" href="/item/1?sess=9">1</a><a class="item" href="/item/2#x">2</a>
  <a class="item" href="http://elsewhere.example/item/3">3</a></div>
  <a rel="next" class="next" href="/s?page=2&utm_source=a">next</a><a href="/s">this page</a></body></html>`;
const url = 'http://m.example/s';

const sites = {
  selectors: parseSiteConfig({ name: 'm', startUrls: [url], links: { listing: 'a.item', next: 'a.next' }, dropParams: ['sess'] }),
  pattern: parseSiteConfig({ name: 'm', startUrls: [url], listingUrlPattern: '/item/\\d+$' }),
  generic: parseSiteConfig({ name: 'm', startUrls: [url] }),
};

describe('discoverLinks on a page parsed once', () => {
  for (const [name, site] of Object.entries(sites))
    it(`finds the links it finds in the HTML (${name} site), after the listing was read from the same parse`, () => {
      const fromHtml = discoverLinks(html, url, site);
      const $ = parseHtml(html);
      const listing = extractListing($, url, site.fields);
      expect(listing).toEqual(extractListing(html, url, site.fields));
      expect(discoverLinks($, url, site)).toEqual(fromHtml);
      expect(fromHtml.listings.length + fromHtml.next.length + fromHtml.other.length).toBeGreaterThan(0);
    });
});
