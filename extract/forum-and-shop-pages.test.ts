import { describe, expect, it } from 'vitest';
import { readsAsSiteLine } from './boilerplate.js';
import { extractListing } from './extract-listing.js';
import { loadPage } from './page.js';

/**
 * What forum threads, card-issuing shops, vendor markets and classifieds in other languages show
 * (dev-pages-5/): the poster in a side column, a value cell that runs on into badges, a member's
 * level named like the name, site names only in a home link's label, summaries in which the site
 * praises itself, a buy box that repeats the title over the price.
 */

const html = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const read = (head: string, body: string, url = 'https://market.example/item/1') => extractListing(html(head, body), url);
const prose = 'Selling my wheelset, 29 inch, boost spacing. Around 600 km on them, no dents, bearings smooth, valves installed.';

describe('sellers on forum threads and vendor markets', () => {
  it('take the name that opens the cell after a label, not the badges and links that follow it', () => {
    expect(
      read(
        '<title>x</title>',
        `<h1>Card</h1><table><tr><td>店铺名称：</td><td>老K数码卡密 <span>已认证</span> <a href="/complaint">举报该商家</a></td></tr></table><p>${prose}</p>`,
      ).seller,
    ).toBe('老K数码卡密');
    expect(
      read(
        '<title>x</title>',
        `<h1>Sets</h1><table><tr><td>Vendor</td><td><a href="/v/greyledger">greyledger</a> (4.92 ★, 1,318 sales) Level 6</td></tr></table>`,
      ).seller,
    ).toBe('greyledger');
  });

  it("never take the visitor's own account line for the seller", () => {
    const l = read('<title>x</title>', `<div class="topbar"><span class="user">Logged in as guest_4f1a</span></div><h1>Sets</h1><p>${prose}</p>`);
    expect(l.seller).toBeNull();
  });

  it("read a poster's link to a rewritten profile page (space-uid-20931.html) in the thread's side column", () => {
    const l = read(
      '<title>【出售】索尼A7M3 - 二手交易 - 论坛</title>',
      `<h1><span id="thread_subject">【出售】索尼A7M3</span></h1><table><tr><td class="pls"><div class="authi"><a href="space-uid-20931.html" class="xw1">北门拍风景</a></div></td><td class="plc"><div class="t_f">自用索尼A7M3单机身，2021年国行购入，快门约1.2万次，传感器干净无坏点。</div></td></tr></table>`,
      'https://bbs.example/thread-884213-1-1.html',
    );
    expect(l.seller).toBe('北门拍风景');
  });

  it("take a nickname in a button, never the member's level named beside it (nick_level)", () => {
    const l = read(
      '<title>x</title>',
      `<h3 class="title_text">Dyson Airwrap</h3><div class="profile_area"><div class="nick_box"><button class="nickname">햇살가득한집</button></div><em class="nick_level">열심회원</em></div><p>${prose}</p>`,
    );
    expect(l.seller).toBe('햇살가득한집');
  });

  it('read seller labels and headings of Arabic, Thai and Vietnamese classifieds', () => {
    const card = (heading: string) =>
      read('<title>x</title>', `<h1>iPhone</h1><p>${prose}</p><aside><div class="t">${heading}</div><a href="/ar/mid/77">أبو فهد للهواتف</a></aside>`).seller;
    expect(card('معلومات المعلن')).toBe('أبو فهد للهواتف');
    expect(read('<title>x</title>', `<h1>Bike</h1><p>${prose}</p><div><span>ผู้ขาย:</span> <span>ปั่นสบาย บางนา</span></div>`).seller).toBe('ปั่นสบาย บางนา');
    expect(read('<title>x</title>', `<h1>Laptop</h1><p>${prose}</p><div><span>Người bán:</span> <span>Minh Khoa</span></div>`).seller).toBe('Minh Khoa');
  });
});

describe("the site's own line in a summary", () => {
  it("is known by the site's name given only in a text-less home link's label, or a logo linked to a language root", () => {
    const names = (body: string, url: string) => loadPage(html('<title>x</title>', body), url).siteNames;
    expect(names('<a href="/" aria-label="Chợ Tốt"><svg></svg></a>', 'https://www.chotot.example/a/1.htm')).toContain('Chợ Tốt');
    expect(names('<a href="/ar" class="logo"><img src="/logo.svg" alt="السوق المفتوح"></a>', 'https://kw.opensooq.example/ar/search/1')).toContain(
      'السوق المفتوح',
    );
    // A link that shows words is not the site's logo because of its label.
    expect(names('<a href="/" aria-label="Back">Back to results</a>', 'https://shop.example/p/1')).not.toContain('Back');
  });

  it('is a summary in which the site calls itself the biggest of its kind, in its own language', () => {
    expect(readsAsSiteLine('대한민국 최대 중고거래 카페, 안전거래의 시작', 'Dyson', [])).toBe(true);
    expect(readsAsSiteLine('Krisha — крупнейшая доска объявлений Казахстана', 'Диван', [])).toBe(true);
    expect(readsAsSiteLine('Komunitas jual beli terbesar di Indonesia', 'Sony', [])).toBe(true);
    expect(readsAsSiteLine('Biggest battery of its class, largest screen I have owned.', 'Phone', [])).toBe(false);
  });

  it("gives way to the post's text, not to a buy box that repeats the title over its price", () => {
    const text = '작년 여름에 백화점에서 구매한 다이슨 에어랩 컴플리트 롱 판매합니다. 한 달에 두세 번 정도만 사용해서 상태 아주 좋고, 구성품 전부 있습니다.';
    const l = read(
      '<title>다이슨 에어랩 멀티 스타일러 컴플리트 롱 판매합니다 : 네이버 카페</title><meta property="og:description" content="대한민국 최대 중고거래 카페, 안전거래의 시작">',
      `<h3 class="title_text">다이슨 에어랩 멀티 스타일러 컴플리트 롱 판매합니다</h3><div class="product_detail"><div class="product_name">다이슨 에어랩 멀티 스타일러 컴플리트 롱</div><div class="cost">420,000원</div><div>배송비 포함 · 안전결제 가능</div></div><div class="se-main-container"><p><span>${text}</span></p></div>`,
    );
    expect(l.description).toBe(text);
  });
});
