import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

// Synthetic pages in fixtures/ that reproduce how marketplaces mark up a listing (see fixtures/README.md).
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.html`, import.meta.url), 'utf8');
const read = (name: string, url: string) => extractListing(fixture(name), url);

describe('listing pages of marketplaces without a site config', () => {
  it('auction page: the title is the item, not a breadcrumb in nested microdata; the template og:description is passed over', () => {
    const l = read('auction-microdata', 'https://www.ebay.example/itm/1234');
    expect(l.title).toBe('Nikon F3 35mm SLR Film Camera Body Only - Tested');
    expect(l.description).toMatch(/^Condition Used/);
    expect(l.description).toContain('Shutter fires at all speeds');
    expect(l.description).not.toMatch(/best deals|Bought this camera/);
    expect(l).toMatchObject({ priceAmount: '212.5', currency: 'USD', seller: 'camerattic', isShell: false });
  });

  it('auction page without structured offers: the current bid, not the starting bid', () => {
    const html = fixture('auction-microdata').replace(/<div itemprop="offers"[\s\S]*?<\/div><\/div>/, '');
    const l = extractListing(html, 'https://www.ebay.example/itm/1234');
    expect(l).toMatchObject({ price: 'US $212.50', priceAmount: '212.5', currency: 'USD', seller: 'camerattic' });
    expect(l.fieldSources).toMatchObject({ price: 'text', seller: 'text' });
  });

  it('store page: the displayed .a-price over the struck list price, the seller after "Sold by", never the brand or a review', () => {
    const l = read('store-buybox', 'https://www.amazon.example/dp/B0ABCDEFGH');
    expect(l.title).toBe('GlowGear Ring Light 10" with Tripod Stand and Phone Holder');
    expect(l).toMatchObject({ price: '$25.99', priceAmount: '25.99', currency: 'USD', seller: 'GlowGear Direct' });
    expect(l.description).toMatch(/GlowGear ring light|10-inch LED ring light/);
    expect(l.description).not.toMatch(/I have used this ring light|Good value/);
    expect(l.fieldSources).toEqual({ title: 'heading', description: 'main-content', price: 'text', seller: 'text' });
  });

  it("Telegram post page: the title is the post's first line, not the channel; the price is in the post", () => {
    const l = read('telegram-post', 'https://t.me/autodeals_eu/4821');
    expect(l).toMatchObject({ title: 'Audi A4 Avant 2.0 TDI, 2019', priceAmount: '51500', currency: 'EUR', seller: 'Auto Deals EU 🚗' });
    expect(l.description).toMatch(/^Audi A4 Avant 2\.0 TDI, 2019 51,500 € — one owner/);
  });

  it('Telegram preview of a channel: the post the URL names, with its own price', () => {
    const l = read('telegram-preview', 'https://t.me/s/docphoto/91');
    expect(l).toMatchObject({ title: 'Селфи с паспортом — пакет 50 штук', priceAmount: '2', seller: 'Фото на документы' });
    expect(l.description).toContain('2 $ за штуку');
  });

  it('property page without og:description: the listing text near the title, 180万 as 1800000, the agent before his role', () => {
    const l = read('property-zh', 'https://bj.lianjia.example/ershoufang/101234567890.html');
    expect(l).toMatchObject({ title: '南湖东园 南北通透 满五唯一 采光好', price: '180万', priceAmount: '1800000', currency: 'CNY', seller: '王晓明' });
    expect(l.description).toContain('房子南北通透，采光充足');
    expect(l.description).not.toMatch(/^小区距离地铁|为您提供/);
  });

  it('classified ad with labelled fields: 价格：1600元, 发布人：', () => {
    const l = read('classifieds-zh', 'https://beijing.baixing.example/ershoushuma/a1234567.html');
    expect(l).toMatchObject({ title: '九成新 佳能 EOS 80D 单反相机', priceAmount: '1600', currency: 'CNY', seller: '李先生' });
    expect(l.description).toMatch(/^自用佳能80D/);
  });

  it('Taiwanese group-buy page: 一次付清特價 294 元 (TWD), not the struck 原價, the shop after 店家：', () => {
    const l = read('group-buy-tw', 'https://www.gomaji.example/store/12345/pid/67890');
    expect(l).toMatchObject({ title: '好食光燒肉 - 雙人套餐', priceAmount: '294', currency: 'TWD', seller: '好食光燒肉' });
    expect(l.description).toContain('雙人套餐含');
  });

  it('European classifieds: "1 200 zł" and "€ 20,-"; a seller named by data-testid or a "Verkoper:" label', () => {
    const pl = read('classifieds-pl', 'https://www.olx.example/d/oferta/rower-IDabc.html');
    expect(pl).toMatchObject({ title: 'Rower górski Kross Hexagon 26"', priceAmount: '1200', currency: 'PLN', seller: 'Marek' });
    expect(pl.description).toMatch(/^Sprzedam rower górski/);
    const nl = read('classifieds-nl', 'https://www.marktplaats.example/v/fietsen/m123456789');
    expect(nl).toMatchObject({ priceAmount: '20', currency: 'EUR', seller: 'Jan de Vries' });
  });

  it('posting whose og:title and heading carry the price and place: the title without them', () => {
    const l = read('posting-us', 'https://newyork.craigslist.example/brk/fuo/d/mid-century-desk/7812345678.html');
    expect(l).toMatchObject({ title: 'mid century desk', priceAmount: '150', seller: null });
    expect(l.description).toMatch(/^Solid walnut mid century desk/);
  });

  it('wholesale page: no "Buy … Product on …" tail, AggregateOffer lowPrice, entities decoded, the supplier and not the brand', () => {
    const l = read('wholesale', 'https://www.alibaba.example/product-detail/Portable_1600123456.html');
    expect(l).toMatchObject({ title: 'Portable 10 Inch LED Ring Light', priceAmount: '2.35', currency: 'USD', seller: 'Shenzhen Glow Tech Co., Ltd.' });
    expect(l.description).toBe('10" dimmable ring light with a 160 cm stand. MOQ 2 pieces; OEM logo printing & custom packaging.');
  });

  it('handmade shop: the shop from its profile link, never the brand', () => {
    const l = read('handmade', 'https://www.etsy.example/listing/1234567890/custom-portrait');
    expect(l).toMatchObject({ title: 'Custom Portrait Illustration From Your Photo', priceAmount: '18', seller: 'InkAndWillow' });
  });
});
