import { describe, expect, it } from 'vitest';
import { judge } from '../bench/extract-bench.js';
import { largeListingPages } from '../bench/extract-large-pages.js';
import { extractListing } from '../extract/extract-listing.js';

/**
 * The bench's large pages (several hundred KiB: a state blob, a mega-menu, hundreds of item cards,
 * a 250-reply thread) read right, by the bench's rules. Their speed is the bench's to measure
 * (`npm run bench -- extract`); a timing here would fail on a busy machine, not on slow code.
 */
describe('extraction on large pages', () => {
  for (const page of largeListingPages()) {
    it(`reads ${page.name}: title, description, price and seller`, () => {
      const l = extractListing(page.html, page.url);
      expect(judge('title', page.truth.title, l.title, null), String(l.title)).toBe(true);
      expect(judge('description', page.truth.description_start, l.description, null), String(l.description).slice(0, 200)).toBe(true);
      expect(judge('price', page.truth.price, l.price, l.priceAmount), String(l.price)).toBe(true);
      if (page.truth.seller) expect(judge('seller', page.truth.seller, l.seller, null), String(l.seller)).toBe(true);
      // A page that shows its listing is read from what it shows, not from its script state.
      expect(l.sources).not.toContain('page-state');
    });
  }
});
