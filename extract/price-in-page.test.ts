import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const page = (body: string, head = '<title>Listing</title>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const priceOf = (body: string, head?: string) => {
  const l = extractListing(page(body, head), 'https://shop.example/item/1');
  return l.priceAmount;
};

describe('prices read from the page', () => {
  it('takes an element soon after the title that holds only an amount, whatever its hashed class', () => {
    expect(priceOf('<h1>Walnut dresser</h1><div class="x1xmf6yo"><span class="x193iq5w">$325</span></div><p>Listed 3 days ago</p>')).toBe('325');
    // Symbol and digits in separate spans, as shops set the big price.
    expect(
      priceOf(
        '<div class="a9"><span>¥</span><span>12</span><span>.9</span><span>券后价</span></div><div class="t">洗碗巾 2件装</div>',
        '<title>洗碗巾 2件装</title>',
      ),
    ).toBe('12.9');
  });

  it('reads an amount whose element goes on with an action link ("Price history"), without the link', () => {
    const notes =
      '<div id="description"><p>Sold because we moved. Bought in March 2024, receipt kept, no faults, steam programme works. Pick up only, the buyer arranges transport.</p></div>';
    expect(
      priceOf(
        `<h1>Washing machine 9 kg</h1><div class="info"><h3>18.500 TL <a class="price-history" href="/ilan/1/fiyat-gecmisi">Fiyat Geçmişi</a></h3><h2>İstanbul / Kadıköy</h2></div>${notes}`,
      ),
    ).toBe('18500');
  });

  it("never takes a price inside a link: that is another item's card", () => {
    expect(priceOf('<h1>Desk lamp</h1><a href="/item/2"><span>$80</span></a>')).toBeNull();
  });

  it('takes the lower of two prices in a box that shows a discount, and the one labelled as the price to pay', () => {
    expect(priceOf('<h1>Earbuds</h1><div class="p"><div class="a1">$490</div><div class="a2">$299 - $359</div><div>39%折扣</div></div>')).toBe('299');
    expect(
      priceOf(
        '<h1>草编包</h1><ul><li class="tb-price"><span>价格</span><strong class="tb-price-num">¥128.00</strong></li><li class="tb-promo"><span>淘宝价</span><strong class="tb-promo-price">¥89.00</strong></li></ul>',
      ),
    ).toBe('89');
  });

  it('passes over the price with delivery and the lowest price of 30 days', () => {
    expect(
      priceOf(
        '<h1>Ekspres do kawy</h1><div class="box-price"><span>1 299,00 zł</span><div><span>cena z dostawą od </span><span>1 308,99 zł</span></div></div>',
      ),
    ).toBe('1299');
  });

  it('takes the lowest of wholesale quantity tiers', () => {
    const tiers = [
      ['100 - 999 pieces', '$1.85'],
      ['1000 - 4999 pieces', '$1.45'],
      ['>= 5000 pieces', '$1.10'],
    ]
      .map(([q, p]) => `<div class="price-item"><div class="quality">${q}</div><div class="price"><span>${p}</span></div></div>`)
      .join('');
    expect(priceOf(`<h1>Phone case</h1><div class="price-list">${tiers}</div>`)).toBe('1.1');
  });

  it('skips prices under a heading that opens other items, even a plain <div> heading', () => {
    const recs = '<div class="feed"><div class="hd">为你推荐</div><div class="card"><span class="price">¥5600</span></div></div>';
    expect(priceOf(`<h1>索尼A7M3</h1>${recs}`)).toBeNull();
  });

  it('never takes a discount share or an instalment for the price', () => {
    const box =
      '<h1>Cafetera Atma</h1><div class="price-box"><s>$ 189.999</s><span class="money-amount">$ 149.999</span><span class="money-amount__discount">21% OFF</span><p class="price__subtitles">en 6 cuotas de $ 24.999</p></div>';
    expect(priceOf(box, '<title>Cafetera Atma</title>')).toBe('149999');
  });

  it('takes the amount a listing asks over its conversion into another currency, whichever comes first', () => {
    expect(priceOf('<h1>Passport scans</h1><div class="row"><span class="usd">(≈ $119.94)</span> <span class="v">0.6400 XMR</span></div>')).toBe('0.64');
  });

  it('reads RDFa offers', () => {
    const body =
      '<div vocab="http://schema.org/" typeof="Product"><h1 property="name">Wollen plaid</h1><div property="offers" typeof="Offer"><s>€ 89,95</s> € <span property="price" content="69.95">69,95</span><meta property="priceCurrency" content="EUR"></div></div>';
    const l = extractListing(page(body), 'https://shop.example/p');
    expect(l).toMatchObject({ priceAmount: '69.95', currency: 'EUR', title: 'Wollen plaid' });
    expect(l.fieldSources.price).toBe('microdata');
  });
});
