import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const read = (head: string, body: string) => extractListing(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://shop.example/p/1');
const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('structured data: the page’s own Product, not the other items it lists', () => {
  it('passes over Products in a JSON-LD ItemList ("Customers also viewed") that comes first', () => {
    const related = {
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', item: { '@type': 'Product', name: 'Other monitor', offers: { price: '129.99', priceCurrency: 'USD' } } }],
    };
    const own = { '@type': 'Product', name: 'Kestrel 27 monitor', offers: { price: '299.99', priceCurrency: 'USD', seller: { name: 'VoltMart' } } };
    const l = read(`<title>Kestrel 27 monitor</title>${ld(related)}${ld(own)}`, '<h1>Kestrel 27 monitor</h1>');
    expect(l).toMatchObject({ priceAmount: '299.99', seller: 'VoltMart', fieldSources: { price: 'json-ld' } });
    // A page whose only Products are listed still gives the first of them.
    expect(read(ld(related), '').priceAmount).toBe('129.99');
  });

  it("passes over a JSON-LD description that is the site's SEO line the page never shows", () => {
    const text = 'Hybrid noise cancelling blocks out the commute, and the case gives 38 hours of music. Bluetooth 5.3, dual device pairing, IP54.';
    const own = {
      '@type': 'Product',
      name: 'Redmi Buds 5',
      description: 'Buy Redmi Buds 5 online at Lazada Philippines. Discount prices and promotional sale on all.',
    };
    const l = read(`<title>Redmi Buds 5</title>${ld(own)}`, `<h1>Redmi Buds 5</h1><div class="pdp-desc"><p>${text}</p></div>`);
    expect(l).toMatchObject({ description: text, fieldSources: { description: 'main-content' } });
  });

  it('takes a JSON-LD price of 0 for the placeholder it is', () => {
    const own = { '@type': 'Product', name: 'Desk', offers: { price: '0', priceCurrency: 'USD' } };
    const l = read(`<title>Desk</title>${ld(own)}`, '<h1>Desk</h1><div class="price">$150</div>');
    expect(l).toMatchObject({ priceAmount: '150', fieldSources: { price: 'text' } });
  });

  it('reads the microdata Product outside a "recently viewed" strip and the AggregateOffer lowPrice and seller', () => {
    const viewed =
      '<div class="viewed-products"><div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Bosch GSR</span><span itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="89.90"></span></div></div>';
    const own =
      '<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Makita DHP482Z</h1><div itemprop="offers" itemscope itemtype="http://schema.org/AggregateOffer"><meta itemprop="lowPrice" content="84.95"><meta itemprop="priceCurrency" content="EUR"><div itemprop="seller" itemscope itemtype="http://schema.org/Organization"><meta itemprop="name" content="Werkzeugkiste24"></div></div></div>';
    const l = read('<title>Makita DHP482Z</title>', viewed + own);
    expect(l).toMatchObject({
      title: 'Makita DHP482Z',
      priceAmount: '84.95',
      currency: 'EUR',
      seller: 'Werkzeugkiste24',
      fieldSources: { price: 'microdata' },
    });
  });
});
