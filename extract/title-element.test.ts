import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const read = (head: string, body: string) =>
  extractListing(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://saved-page.invalid/');

describe('the title shown on the page', () => {
  it("is an element whose class names the listing's name (listing-name, ad-name) when nothing else names it", () => {
    const l = read(
      '<title>Resellr</title><meta property="og:site_name" content="Resellr">',
      '<div class="listing-name">Pixel 7 128GB Obsidian</div><div class="listing-body">Kept in a case since day one, screen flawless, battery fine.</div>',
    );
    expect(l.title).toBe('Pixel 7 128GB Obsidian');
  });

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

  it("is an element named title when the <title> is the site's slogan, not the slogan", () => {
    expect(
      read(
        '<title>易转-专业的二手交易平台</title>',
        '<div class="price_a1">¥1200</div><div class="title_b2">二手 Switch 续航版 带两个手柄</div><div class="desc_c3">自用一年。</div>',
      ).title,
    ).toBe('二手 Switch 续航版 带两个手柄');
  });

  it("is an element named heading when the <title> is the shop's name, which its logo (linked to its index page) and footer show", () => {
    const l = read(
      '<title>Pine Hill Tools</title>',
      '<table><tr><td><a href="http://pinehill.example/catalog/index.php"><img src="images/store_logo.gif" alt="Pine Hill Tools"></a></td></tr></table>' +
        '<table><tr><td width="125"><table><tr><td class="infoBoxHeading">Specials</td></tr><tr><td class="boxText"><a href="p.php?id=1">Hand Trowel</a><br><s>$14.99</s><br><span class="productSpecialPrice">$11.49</span></td></tr></table></td>' +
        '<td><table><tr><td class="pageHeading">Steel Garden Rake, 16 Teeth<br><span class="smallText">[PH-31]</span></td><td class="pageHeading" align="right"><s>$32.00</s> <span class="productSpecialPrice">$27.50</span></td></tr>' +
        '<tr><td class="main"><p>A forged steel rake head on a 150 cm ash handle, for levelling soil and gathering leaves.</p></td></tr></table></td></tr></table>' +
        '<table><tr><td>Copyright &copy; 2026 <a href="http://pinehill.example/catalog/index.php">Pine Hill Tools</a></td></tr></table>',
    );
    expect(l.title).toMatch(/^Steel Garden Rake, 16 Teeth/);
    expect(l.priceAmount).toBe('27.5');
  });

  it("is a post's first line when the page names only the site and the poster (no heading, a <title> of the site's)", () => {
    const l = read(
      '<title>微言正文 - 微言</title><meta property="og:title" content="阿木的微言">',
      '<div class="nav"><a class="logo" href="/">微言</a></div><article><h2>正文</h2><div class="post-text">【出】索尼黑卡7 带原装电池两块<br>自用两年，成色很好，镜头无灰无划痕。价格：3600 包邮。</div></article>',
    );
    expect(l.title).toBe('【出】索尼黑卡7 带原装电池两块');
  });
});
