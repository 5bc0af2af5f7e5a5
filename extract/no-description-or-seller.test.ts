import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const read = (head: string, body: string) => extractListing(page(head, body), 'https://market.example/item/1');

describe('a listing that has no description', () => {
  it('gives none for a photo-only ad whose only text is a safety box and a report notice', () => {
    const l = read(
      '<title>Pram, grey | Kidsmarket</title>',
      '<h1>Pram, grey</h1><div class="price">£85</div><div class="meta">Posted 2 days ago · Leeds, LS6 · Ad ID 7712</div>' +
        '<div class="box"><h3>Stay safe on Kidsmarket</h3><p>Meet the seller in a public place and check the item before you hand over any money, never pay by transfer.</p></div>' +
        '<div class="r"><a href="/report/7712">Report this ad</a><p>If you think this ad breaks our rules, let us know and our team will look into it.</p></div>',
    );
    expect(l.title).toBe('Pram, grey');
    expect(l.description).toBeNull();
  });

  it('gives none for a summary the page never shows that names the site', () => {
    const l = read(
      '<title>Bike - Tradeboard</title><meta property="og:site_name" content="Tradeboard"><meta property="og:description" content="Tradeboard - buy and sell locally. Find bikes near you.">',
      '<h1>Bike</h1><p class="price">$380</p>',
    );
    expect(l.description).toBeNull();
  });

  it("does not take a spec row's long value for the description, but takes a row labelled Description", () => {
    const spec = '<dl><dt>Condition</dt><dd>Pre-owned: An item that has been used or worn previously, see the listing for full details.</dd></dl>';
    expect(read('<title>Watch</title>', `<h1>Watch</h1><p class="price">$120</p>${spec}`).description).toBeNull();
    const described = '<dl><dt>Description</dt><dd>Worn twice, the strap has a small mark near the buckle, otherwise like new.</dd></dl>';
    expect(read('<title>Watch</title>', `<h1>Watch</h1><p class="price">$120</p>${described}`).description).toMatch(/^Worn twice/);
    const notes =
      '<dl><dt>Condition</dt><dd>Used</dd><dt>Seller Notes</dt><dd>Shutter fires at all speeds, the meter reads half a stop bright, small dent on the cap.</dd></dl>';
    expect(read('<title>Camera</title>', `<h1>Camera</h1><p class="price">$212</p>${notes}`).description).toContain('Shutter fires at all speeds');
  });
});

describe('a listing that names no seller', () => {
  it('gives none where the seller field says only "Private seller", not the button after it', () => {
    const body =
      '<h1>Bike</h1><p class="price">$380</p><div class="seller-box"><span class="label">Seller</span> <span>Private seller</span></div><button>Make offer</button>';
    expect(read('<title>Bike</title>', body).seller).toBeNull();
    const zh =
      '<h1>无人机</h1><div class="price">3200元</div><div class="poster"><span>发布人：</span><span>个人卖家</span></div><a class="btn" href="/chat/1">我想要</a>';
    expect(read('<title>无人机</title>', zh).seller).toBeNull();
  });

  it('still reads a name that follows a caption saying the kind of seller', () => {
    const body = '<h1>Chair</h1><div class="card"><p>Listed by private user</p><p>Rashid K.</p><p>Member since Mar 2020</p></div>';
    expect(read('<title>Chair</title>', body).seller).toBe('Rashid K.');
  });

  it('does not take a buy box line beside a nameless "Visit store" link, nor a "see the seller\'s page" link', () => {
    const buy =
      '<div class="buy"><p>Only 3 left and in 2 baskets</p><p class="price">USD 32.00</p><h1>Mug</h1><div><a href="/shop/x">Visit store</a></div></div>';
    expect(read('<title>Mug</title>', buy).seller).toBeNull();
    const ja = '<h1>ルンバ</h1><div class="price">¥18,500</div><div><a href="/user/profile/7311">出品者のページを見る</a></div>';
    expect(read('<title>ルンバ</title>', ja).seller).toBeNull();
  });
});

describe('titles as live pages carry them', () => {
  it('passes over an <h1> that names the kind of page ("Product details", 商品详情) for the item\'s own heading', () => {
    const l = read(
      '<title>Product details | Surplus Depot</title>',
      '<h1 class="page-heading">Product details</h1><h2 class="product-name">Fluke 117 multimeter with holster</h2><b>$95.00</b>',
    );
    expect(l.title).toBe('Fluke 117 multimeter with holster');
    const zh = read(
      '<title>商品详情 - 转卖圈</title><meta property="og:title" content="九成新 戴森V10 无线吸尘器">',
      '<h1>商品详情</h1><div class="goods-title">九成新 戴森V10 无线吸尘器</div>',
    );
    expect(zh.title).toBe('九成新 戴森V10 无线吸尘器');
  });

  it('finds the item in an SEO-stuffed <title> by the element that shows it', () => {
    const l = read(
      '<title>Buy Sony WH-1000XM4 Wireless Headphones (Black) Online at Best Price | Headphones | Gadget Bazaar - Best Online Shopping Site</title>',
      '<div class="x1"><span>Sony WH-1000XM4 Wireless Headphones (Black)</span></div><div class="p">₹19,990</div>',
    );
    expect(l.title).toBe('Sony WH-1000XM4 Wireless Headphones (Black)');
  });

  it('keeps a short slogan <title> out', () => {
    expect(read('<title>Online shopping for everyone</title>', '<p>Online shopping for everyone</p>').title).not.toBe('Online shopping for everyone');
  });
});
