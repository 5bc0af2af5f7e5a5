import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const read = (head: string, body: string) =>
  extractListing(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://market.example/item/1');

describe('the main content', () => {
  it('starts in the shown lines of a description whose longer rest is collapsed behind "Read more"', () => {
    const l = read(
      '<title>Lens</title>',
      '<h1>Lens</h1><div class="listing__description"><div class="desc-visible"><p>Original version of the lens.</p><p>Glass is clean, no haze.</p></div>' +
        '<div class="desc-more" hidden><p>Barrel shows normal wear on the zoom ring and a small rub mark near the mount. Comes with both caps, the hood and the pouch, tested on two bodies.</p><p>Shipped insured the next business day, double boxed.</p></div><button>Read more</button></div>',
    );
    expect(l.description).toMatch(/^Original version of the lens\. Glass is clean/);
    expect(l.description).toContain('Barrel shows');
  });

  it("takes a one-line description over the shop's longer shipping and returns policy", () => {
    const policy = 'Returns are accepted within 30 days of delivery for a refund of the item price, in the original packaging, buyer pays return shipping. ';
    const l = read(
      '<title>Brass lamp</title>',
      `<h1>Brass lamp</h1><div class="product__description"><p>Working lamp, rewired, one small chip on the shade.</p></div><div class="product__extra"><h2>Shipping, returns &amp; care</h2><p>${policy.repeat(3)}</p></div>`,
    );
    expect(l.description).toBe('Working lamp, rewired, one small chip on the shade.');
  });
});
