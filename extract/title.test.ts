import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';
import { cleanTitle, headsOtherThanItem, isIdOnlyTitle, withoutBreadcrumb } from './title.js';
import { loadPage } from './page.js';

const read = (head: string, body: string, url = 'https://market.example/item/1') =>
  extractListing(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, url);

describe('titles', () => {
  it('lose a breadcrumb trail before them, and keep a ">" of their own', () => {
    expect(withoutBreadcrumb('Home > Phones > Samsung > Galaxy S21 FE 128GB')).toBe('Galaxy S21 FE 128GB');
    expect(withoutBreadcrumb('Ana Sayfa › Lenovo ThinkPad T14')).toBe('Lenovo ThinkPad T14');
    expect(withoutBreadcrumb('Adapter USB-C > HDMI 4K')).toBe('Adapter USB-C > HDMI 4K');
    expect(cleanTitle('Home » Audio » Turntables » Technics SL-1200 turntable - Vinylswap', ['Vinylswap'])).toBe('Technics SL-1200 turntable');
  });

  it('are not a page number alone ("Listing 6620194", "Ad #2291")', () => {
    expect(isIdOnlyTitle('Listing 6620194')).toBe(true);
    expect(isIdOnlyTitle('İlan No 1088342')).toBe(true);
    expect(isIdOnlyTitle('Lot of 3 lenses')).toBe(false);
    expect(cleanTitle('Listing 6620194 - Marketlane Mobile', ['Marketlane'])).toBeUndefined();
  });

  it("are not an <h1> that names the shop, the category or the site: the item's title below it is", () => {
    const page = loadPage(
      '<body><header class="shop-header"><h1 class="shop-name">Willow Ceramics</h1></header><h1 class="product-title">Mug</h1></body>',
      'https://x.example/',
    );
    const [shop, item] = page.tags('h1');
    expect(headsOtherThanItem(shop!)).toBe(true);
    expect(headsOtherThanItem(item!)).toBe(false);
    const category = read(
      '<title>Smartphones | Resellr</title>',
      '<div class="category-head"><h1>Smartphones</h1><div>12,408 ads</div></div><div class="listing-name">iPhone 13 mini 256GB Midnight</div><div class="listing-body">Always kept in a case with a glass protector, screen and back flawless.</div>',
    );
    expect(category.title).toBe('iPhone 13 mini 256GB Midnight');
    const shopPage = read(
      '<title>Willow Ceramics</title>',
      '<header class="shop-header"><h1 class="shop-name">Willow Ceramics</h1></header><h2 class="product-title">Speckled mug set of two</h2><div class="product-description"><p>Two wheel-thrown mugs in speckled clay, satin glaze, 12 oz each.</p></div>',
    );
    expect(shopPage.title).toBe('Speckled mug set of two');
  });

  it("are not a mobile site's brand in its top bar", () => {
    const l = read(
      '<title>Listing 6620194 - Marketlane Mobile</title>',
      '<div class="m-top"><h1 class="m-brand">Marketlane</h1></div><div class="m-item__title">Vintage Pyrex bowl set, 4 pieces</div><div class="m-item__desc">Complete set of four nesting bowls, no chips or cracks at all.</div>',
      'https://www.marketlane.example/l/6620194',
    );
    expect(l.title).toBe('Vintage Pyrex bowl set, 4 pieces');
  });
});
