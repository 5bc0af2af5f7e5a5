import { describe, expect, it } from 'vitest';
import { isBoilerplate } from './boilerplate.js';
import { extractListing } from './extract-listing.js';
import { looksLikeListingUrl } from './listing-url.js';
import { titleSiteName } from './site-name.js';
import { decodeHtmlText, cleanText } from './text.js';
import { chooseTitle, cleanTitle, splitSegments } from './title.js';

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const prose = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i} about the camera, its lens, and its case.`).join(' ');

describe('titles', () => {
  it("lose the site's name, SEO tails, login prompts and icon glyphs, from the ends only", () => {
    const sites = ['eBay', 'Alibaba.com', 'alibaba', '百姓网'];
    expect(cleanTitle('Nikon F3 - 35mm body | eBay', sites)).toBe('Nikon F3 - 35mm body');
    expect(cleanTitle('Ring Light - Buy Ring Light,Selfie Light Product on Alibaba.com', sites)).toBe('Ring Light');
    expect(cleanTitle('九成新 单反相机_北京百姓网', sites)).toBe('九成新 单反相机');
    expect(cleanTitle('\uE600 二手相机 \uE601 | 登录 注册', sites)).toBe('二手相机');
    expect(cleanTitle('Sign in to continue', sites)).toBeUndefined();
    expect(cleanTitle('eBay', sites)).toBeUndefined();
    // A <title>'s last part that reads as a site's name is one, in any script.
    const pchome = '【SONY】WH-1000XM4 無線降噪耳機 - PChome 24h購物';
    expect(titleSiteName(pchome)).toBe('PChome 24h購物');
    expect(cleanTitle(pchome, [titleSiteName(pchome)!])).toBe('【SONY】WH-1000XM4 無線降噪耳機');
    expect(cleanTitle('朝阳二手房-北京链家网', [titleSiteName('朝阳二手房-北京链家网')!])).toBe('朝阳二手房');
    // A separator inside brackets is part of the place the site appends, not the start of another segment.
    expect(cleanTitle('Solid oak dining table - $350 (Portland - Sellwood)', ['craigslist'])).toBe('Solid oak dining table');
    expect(splitSegments('Desk - $150 (Brooklyn - Park Slope) | craigslist').parts).toEqual(['Desk', '$150 (Brooklyn - Park Slope)', 'craigslist']);
    // A bracket never closed does not hide the separators after it.
    expect(splitSegments('Desk (oak - $150 | eBay').parts).toEqual(['Desk (oak', '$150', 'eBay']);
  });

  it('are the one the sources agree on; a cut-off one gives way to the whole', () => {
    const c = (origin: string, text: string) => ({ source: 'heading' as const, origin, text });
    expect(chooseTitle([c('json-ld', 'Film Cameras'), c('opengraph', 'Nikon F3 body'), c('h1', 'Nikon F3 body'), c('title-tag', 'Nikon F3 body')])?.text).toBe(
      'Nikon F3 body',
    );
    expect(chooseTitle([c('opengraph', 'Desk'), c('h1', 'Desk $150 (Brooklyn)'), c('title-tag', 'Desk - for sale')])?.text).toBe('Desk');
    expect(chooseTitle([c('opengraph', 'A very long listing title that the…'), c('h1', 'A very long listing title that the site cut short')])?.text).toBe(
      'A very long listing title that the site cut short',
    );
  });

  it("are not a <title> that only names the site, as its logo link does (闲鱼's slogan)", () => {
    const l = extractListing(
      page(
        '<title>闲鱼 - 闲不住？上闲鱼！</title>',
        '<div class="header"><a href="https://www.goofish.com" class="logo--x"><img src="/fish-logo.png" alt="闲鱼"></a></div>' +
          '<div class="desc--G"><span class="title--W">大疆 Mini 4 Pro 带屏遥控器 九九新</span>今年在京东买的，只飞了十几次，配件齐全，发票和包装盒都在。</div>',
      ),
      'https://www.goofish.com/item?id=782310445129',
    );
    expect(l.title).toBe('大疆 Mini 4 Pro 带屏遥控器 九九新');
  });

  it('keep a bracketed tag that og:title or <title> puts before the heading (【brand】, 【現貨】, [WTS])', () => {
    const c = (origin: string, text: string) => ({ source: 'heading' as const, origin, text });
    const pchome = [
      c('opengraph', '【SONY 索尼】WH-1000XM5 無線降噪耳機'),
      c('h1', 'WH-1000XM5 無線降噪耳機'),
      c('title-tag', '【SONY 索尼】WH-1000XM5 無線降噪耳機'),
    ];
    expect(chooseTitle(pchome)?.text).toBe('【SONY 索尼】WH-1000XM5 無線降噪耳機');
    // Words that are not a bracketed tag still go: a site appends, it seldom prepends.
    expect(chooseTitle([c('opengraph', 'Cameras: Nikon F3 body'), c('h1', 'Nikon F3 body')])?.text).toBe('Nikon F3 body');
  });

  it("are not cut to a catalog's model name that the listing's title runs on from", () => {
    const c = (origin: string, text: string) => ({ source: 'heading' as const, origin, text });
    const listing = 'Apple iPhone 13 128GB Midnight - great battery';
    expect(chooseTitle([c('json-ld', 'Apple iPhone 13'), c('opengraph', listing), c('h1', listing), c('title-tag', listing)])?.text).toBe(listing);
  });
});

describe('descriptions', () => {
  it('skip template summaries and take the main content instead', () => {
    expect(isBoilerplate('Find many great new & used options and get the best deals for X at the best online prices at eBay!', 'X', ['eBay'])).toBe(true);
    expect(isBoilerplate('Amazon.com: Ring Light : Electronics', 'Ring Light', ['amazon.com', 'amazon'])).toBe(true);
    expect(isBoilerplate('链家北京二手房频道，为您提供南湖东园二手房信息', undefined, [])).toBe(true);
    expect(isBoilerplate('Solid walnut desk, minor scratches on top. Cash only.', 'desk', ['craigslist'])).toBe(false);
  });

  it('never come from reviews, related items, cookie notes or the footer, however long', () => {
    const html = page(
      '<title>Camera</title>',
      `<h1>Camera</h1><div class="item-desc"><p>Lightly used camera with its original box and strap, works fine.</p></div>
       <div id="cookie-notice"><p>${prose(8)}</p></div>
       <section><h2>Customer reviews</h2><div><p>${prose(10)}</p></div></section>
       <div class="related-items"><p>${prose(10)}</p></div><footer><p>${prose(10)}</p></footer>`,
    );
    expect(extractListing(html, 'https://m.example/item/1').description).toBe('Lightly used camera with its original box and strap, works fine.');
  });

  it('from JSON-LD read as the page shows them: entities decoded, tags out', () => {
    expect(decodeHtmlText('10&quot; ring light &amp;amp; stand<br>&#8212; new')).toBe('10" ring light & stand\n— new');
    expect(cleanText('a\u200b b\uE000 c')).toBe('a b c');
  });
});

describe('shells', () => {
  it('a page with its text is no shell, whatever empty app root a widget left in it', () => {
    const html = page('<script src="/app.js"></script>', `<div id="root"></div><h1>Camera</h1><div class="description"><p>${prose(6)}</p></div>`);
    expect(extractListing(html, 'https://m.example/item/1').isShell).toBe(false);
  });

  it('a page of scripts and furniture only is a shell, and its <title> is not taken', () => {
    const html = page(
      '<title>Listing - App</title><script src="/app.js"></script>',
      `<nav class="menu">${prose(3)}</nav><div id="app"></div><footer>${prose(3)}</footer>`,
    );
    expect(extractListing(html, 'https://m.example/item/1')).toMatchObject({ isShell: true, title: null, description: null });
  });

  it('a page whose structured data holds the listing is no shell, though scripts draw the rest', () => {
    const ld = JSON.stringify({ '@type': 'Product', name: 'Camera', description: 'Used camera, works.' });
    const html = page(`<script type="application/ld+json">${ld}</script><script src="/app.js"></script>`, '<div id="app"></div>');
    expect(extractListing(html, 'https://m.example/item/1')).toMatchObject({ isShell: false, title: 'Camera' });
  });
});

describe('listing URLs', () => {
  it('are told by the paths marketplaces give item pages', () => {
    for (const u of [
      'https://www.ebay.com/itm/1234567',
      'https://www.amazon.com/dp/B0ABCDEFGH',
      'https://t.me/somechannel/4821',
      'https://www.etsy.com/listing/123456/x',
      'https://www.olx.pl/d/oferta/rower-IDabc.html',
      'https://bj.lianjia.com/ershoufang/101234567890.html',
      'https://newyork.craigslist.org/brk/fuo/d/desk/7812345678.html',
    ]) {
      expect(looksLikeListingUrl(u), u).toBe(true);
    }
    for (const u of ['https://www.ebay.com/', 'https://www.ebay.com/b/Cameras/625', 'https://t.me/somechannel', 'https://m.example/search?q=x', 'not a url'])
      expect(looksLikeListingUrl(u), u).toBe(false);
  });
});
