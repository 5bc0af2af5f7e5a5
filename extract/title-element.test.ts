import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const read = (head: string, body: string) =>
  extractListing(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://saved-page.invalid/');

describe('the title shown on the page', () => {
  it('is the longest element text that the <title> holds, when no <h1> shows it', () => {
    const l = read(
      '<title>【小米 Note 13】小米 Note 13 Pro 12GB+256GB 子夜黑【行情 报价 价格 评测】-京东</title>',
      '<div class="crumb"><a>手机</a></div><div class="sku-name">小米 Note 13 Pro 12GB+256GB 子夜黑</div><div>京东价 ￥1599.00</div>',
    );
    expect(l.title).toBe('小米 Note 13 Pro 12GB+256GB 子夜黑');
  });

  it("beats an <h1> that is the site's logo and a heading that runs the price into the title", () => {
    expect(
      read(
        '<title>Royal Enfield Classic 350 single owner for sale in Pune | Used Bikes - BikeBazaar</title>',
        '<h1><a href="/">BikeBazaar</a></h1><h2>Royal Enfield Classic 350 single owner</h2>',
      ).title,
    ).toBe('Royal Enfield Classic 350 single owner');
    expect(
      read(
        '<title>Trek FX 2 hybrid bike - bicycles - by owner - craigslist</title><meta property="og:title" content="Trek FX 2 hybrid bike - bicycles - by owner">',
        '<h1><span id="titletextonly">Trek FX 2 hybrid bike</span><span class="price">$475</span><small> (Ballard)</small></h1>',
      ).title,
    ).toBe('Trek FX 2 hybrid bike');
  });

  it("is an element named title when the <title> is only the app's name", () => {
    expect(read('<title>闲鱼</title>', '<div class="price">¥699</div><span class="item-title">全新未拆 乐高 10497 星系探索者</span>').title).toBe(
      '全新未拆 乐高 10497 星系探索者',
    );
  });
});
