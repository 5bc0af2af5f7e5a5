import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('extractListing', () => {
  it("uses the site's selectors first", () => {
    const html = page(
      '<title>Shop</title>',
      '<h2 class="t">手持照 一套三张</h2><div class="d">量大从优</div><span class="p">¥5</span><a class="s">卖家A</a><img class="g" src="/i/1.jpg">',
    );
    const l = extractListing(html, 'http://m.example/item/1', { title: '.t', description: '.d', price: '.p', seller: '.s', images: 'img.g' });
    expect(l).toMatchObject({
      title: '手持照 一套三张',
      description: '量大从优',
      price: '¥5',
      seller: '卖家A',
      images: ['http://m.example/i/1.jpg'],
      isShell: false,
    });
    expect(l.sources[0]).toBe('selector');
    expect(l).toMatchObject({
      priceAmount: '5',
      currency: '¥',
      fieldSources: { title: 'selector', description: 'selector', price: 'selector', seller: 'selector', images: 'selector' },
    });
  });

  it('reads JSON-LD Product, also inside @graph, and skips broken scripts', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage' },
        {
          '@type': 'Product',
          name: 'KYC packs',
          description: 'fresh',
          image: ['a.jpg'],
          offers: { price: '40', priceCurrency: 'USD', seller: { name: 'v3ndor' } },
        },
      ],
    };
    const html = page(`<script type="application/ld+json">{broken</script><script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<p>x</p>');
    expect(extractListing(html, 'https://m.example/p')).toMatchObject({
      title: 'KYC packs',
      description: 'fresh',
      price: 'USD 40',
      priceAmount: '40',
      currency: 'USD',
      seller: 'v3ndor',
      images: ['https://m.example/a.jpg'],
    });
  });

  it('reads microdata and OpenGraph for what is missing', () => {
    const html = page(
      '<meta property="og:title" content="OG title"><meta property="og:description" content="OG desc"><meta property="product:price:amount" content="9.9">',
      '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">人脸素材 打包</h1><span itemprop="price" content="50">¥50</span></div>',
    );
    const l = extractListing(html, 'http://m.example/');
    expect(l).toMatchObject({ title: '人脸素材 打包', price: '50', priceAmount: '50', description: 'OG desc' });
    expect(l.sources).toEqual(['microdata', 'opengraph']);
  });

  it('never takes an empty script shell as a listing from its <title>', () => {
    const html = page('<title>闲置 手持身份证照 - Market</title><script src="/app.js"></script>', '<div id="app"></div>');
    const l = extractListing(html, 'http://m.example/item/2');
    expect(l).toMatchObject({ isShell: true, title: null, description: null });
  });

  it("keeps a selector's price text that holds no amount, and mixes in no other source's amount", () => {
    const html = page('<meta property="product:price:amount" content="9.9">', '<h1>x</h1><span class="p">面议</span>');
    expect(extractListing(html, 'http://m.example/', { price: '.p' })).toMatchObject({ price: '面议', priceAmount: null, currency: null });
  });

  it('keeps hostile text as text', () => {
    const html = page('', '<h1>&lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror=alert(1)></h1>');
    expect(extractListing(html, 'http://m.example/').title).toBe('<script>alert(1)</script>');
  });
});
