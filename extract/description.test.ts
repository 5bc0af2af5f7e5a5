import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const read = (head: string, body: string, url = 'https://market.example/item/1') =>
  extractListing(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, url);
const prose = '这款草编包选用天然蒲草，由老师傅纯手工编织，一只包需要两天时间才能完成。内衬棉布，带磁扣，能放下手机、钱包和一把折叠伞。';

describe('descriptions', () => {
  it("give way from a meta summary the page never shows (the site's SEO line) to the page's own text", () => {
    const l = read(
      '<title>草编包-淘宝网</title><meta name="description" content="欢迎前来实力旺铺，选购草编包，更多商品任你选购">',
      `<h1>草编包</h1><div id="description"><p>${prose}</p></div>`,
    );
    expect(l.description).toMatch(/^这款草编包选用天然蒲草/);
    expect(l.fieldSources.description).toBe('main-content');
  });

  it('keep a meta summary that the page shows, and one that opens with the title and goes on as the page does', () => {
    const summary = 'Solid walnut dresser, all drawers slide smoothly. You pick up.';
    expect(
      read(
        `<title>Dresser</title><meta property="og:description" content="${summary}">`,
        `<h1>Dresser</h1><div class="x"><span>${summary} Cash or Venmo.</span></div><div>${prose}</div>`,
      ).description,
    ).toMatch(/^Solid walnut dresser/);
  });

  it('read the listing inside blocks named "qa-…" or "…advert…" (test hooks and a classified ad), and inside a sidebar that holds the title', () => {
    const text = 'Clean Camon 20 Pro, UK used, no scratches. Battery health is good, face ID and fingerprint working. Comes with charger.';
    const l = read(
      '<title>Tecno Camon 20 Pro</title>',
      `<div class="b-advert-info"><h1 class="qa-advert-title">Tecno Camon 20 Pro</h1><div class="qa-advert-price">₦ 185,000</div><div class="b-advert__description-wrapper"><span class="qa-description-text">${text}</span></div></div>`,
    );
    expect(l).toMatchObject({ description: text, priceAmount: '185000', currency: 'NGN' });
    const vinted = read(
      '<title>Robe</title>',
      `<main><aside class="sidebar"><h1>Robe fleurie</h1><div itemprop="description">${text}</div><a data-testid="profile-username-link" href="/member/9-clem"><span data-testid="profile-username">clemencedress</span></a></aside></main>`,
    );
    expect(vinted).toMatchObject({ description: text, seller: 'clemencedress' });
  });

  it("read a seller's comment named commentBody, not the reviews beside it", () => {
    const text = 'ライカM6ブラッククロームの出品です。1986年製、シャッター全速、露出計ともに正常に作動しています。ファインダー内はクリアです。';
    expect(
      read(
        '<title>Leica M6</title>',
        `<h1>Leica M6</h1><div class="ProductExplanation"><div class="ProductExplanation__commentBody">${text}</div></div><div class="review-comment"><p>${'良い出品者でした。'.repeat(8)}</p></div>`,
      ).description,
    ).toBe(text);
  });
});

describe('Telegram post pages saved without their address', () => {
  it("are still read as a post: t.me's own markup says so", () => {
    const post = 'Nike Air Jordan 1 Retro High OG\nЦіна: 7 800 грн\nДоставка Новою Поштою';
    const l = read(
      `<title>Telegram: Contact @drops</title><meta property="og:title" content="Sneaker Drops"><meta property="og:description" content="${post}">`,
      '<div class="tgme_page tgme_page_post"><div class="tgme_page_widget"></div></div>',
      'https://saved-page.invalid/',
    );
    expect(l).toMatchObject({ title: 'Nike Air Jordan 1 Retro High OG', seller: 'Sneaker Drops', priceAmount: '7800', currency: 'UAH' });
  });
});
