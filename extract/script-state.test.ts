import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const shell = (script: string) =>
  `<!doctype html><html><head><title>Market: buy and sell</title><script src="/app.js"></script></head><body><div id="__next"><header><a href="/login">Log in</a></header></div>${script}</body></html>`;

describe('an app shell whose listing is only in its script state', () => {
  it("reads the object whose id the address carries, not the feed's other items", () => {
    const state = {
      props: {
        pageProps: {
          similar: [{ id: 'm11', name: 'Switch Lite', price: 130, description: 'Other item', seller: { name: 'other' } }],
          item: { id: 'm8392017', name: 'Switch OLED white', description: 'Barely used, with dock.', price: 245, seller: { name: 'pixelpantry' } },
        },
      },
    };
    const l = extractListing(
      shell(`<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(state)}</script>`),
      'https://market.example/item/m8392017',
    );
    expect([l.title, l.description, l.priceAmount, l.seller]).toEqual(['Switch OLED white', 'Barely used, with dock.', '245', 'pixelpantry']);
    expect(l.fieldSources.title).toBe('page-state');
  });

  it('reads window.__INITIAL_STATE__, and skips a blob that is not JSON', () => {
    const state = { listing: { listingId: 99123, title: 'Desk lamp', desc: 'Brass lamp, works.', price: { amount: 40 } } };
    const l = extractListing(
      shell(`<script>window.__BROKEN__ = {a: 1};</script><script>window.__INITIAL_STATE__ = ${JSON.stringify(state)};</script>`),
      'https://market.example/l/99123',
    );
    expect([l.title, l.description, l.priceAmount]).toEqual(['Desk lamp', 'Brass lamp, works.', '40']);
  });

  it('leaves the state alone on a page that shows its listing', () => {
    const state = { item: { id: 'x1234', name: 'From state', description: 'State text', price: 1 } };
    const html = `<!doctype html><html><head><title>Shown title | Market</title></head><body><h1>Shown title</h1><p>${'The listing as the page shows it, with words. '.repeat(8)}</p><script>window.__INITIAL_STATE__ = ${JSON.stringify(state)}</script></body></html>`;
    const l = extractListing(html, 'https://market.example/item/x1234');
    expect(l.title).toBe('Shown title');
    expect(l.sources).not.toContain('page-state');
  });
});
