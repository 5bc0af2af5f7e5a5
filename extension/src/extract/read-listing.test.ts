import { describe, expect, it } from 'vitest';
import { demoSiteConfig, loadDemoListings } from '../../../demo/demo-market.js';
import { renderJsonLd, renderStatic } from '../../../demo/pages.js';
import { readListing, selectorsFor } from './read-listing.js';

const listings = loadDemoListings();
const listing = (id: string) => listings.find((l) => l.id === id)!;

describe('reading a listing in the extension', () => {
  it("takes JSON-LD fields with the crawler's extraction", () => {
    const d05 = listing('d05');
    expect(readListing(renderJsonLd(d05), 'http://127.0.0.1:8123/p/d05')).toEqual({
      url: 'http://127.0.0.1:8123/p/d05',
      title: d05.title,
      description: d05.description,
      price: d05.price,
      seller: d05.seller,
      sources: ['json-ld'],
    });
  });

  it('reads a plain page without structured data from what it shows: heading, main content, price and seller markup', () => {
    const d01 = listing('d01');
    const fields = readListing(renderStatic(d01), 'http://127.0.0.1:8123/item/d01');
    expect(fields).toMatchObject({ title: d01.title, description: d01.description, price: d01.price, seller: d01.seller });
    expect(fields.sources).toEqual(['heading', 'main-content', 'text']);
  });

  it("never takes page furniture (footer, privacy note, menu) as the listing's text", () => {
    const html = `<html><body><header><nav class="menu">Home · Photo Video · Persona · 手机数码</nav></header>
      <h1>二手电饭煲</h1><p>用了半年，功能正常，内胆没有划痕，配件齐全，同城自提或顺丰到付。</p>
      <div class="privacy-note">为保护您的隐私，本站不会显示完整卡號，所有付款信息均经加密处理，请放心使用本站服务。</div>
      <footer><p>Copyright 2024 Marché Foo S.à.r.l. All rights reserved. Registered in Luxembourg, company number B123456.</p></footer>
      </body></html>`;
    const fields = readListing(html, 'https://m.example/item/1');
    expect(fields.description).toBe('用了半年，功能正常，内胆没有划痕，配件齐全，同城自提或顺丰到付。');
  });

  it("uses a configured site's selectors for pages on its hosts", () => {
    const d01 = listing('d01');
    const sites = [{ hosts: ['127.0.0.1:8123'], fields: demoSiteConfig('http://127.0.0.1:8123').fields }];
    const fields = readListing(renderStatic(d01), 'http://127.0.0.1:8123/item/d01', selectorsFor('http://127.0.0.1:8123/item/d01', sites));
    expect(fields).toMatchObject({ title: d01.title, description: d01.description, price: d01.price, seller: d01.seller, sources: ['selector'] });
    expect(selectorsFor('http://other.example/item/1', sites)).toEqual({});
  });

  it('reads a script-rendered page as the browser shows it', () => {
    // What the demo's /app/ page holds once its script ran (the popup reads the live DOM, not the source).
    const rendered =
      '<html><head><title>x - 演示集市</title></head><body><div id="app"><div class="listing"><h1 class="title">Deepfake KYC kit</h1><p class="desc">Bundle includes a camera emulator that injects video into the verification step.</p><p class="price">$550</p></div></div></body></html>';
    expect(readListing(rendered, 'http://127.0.0.1:8123/app/d11')).toMatchObject({
      title: 'Deepfake KYC kit',
      description: 'Bundle includes a camera emulator that injects video into the verification step.',
    });
  });

  it('takes text, never markup, from hostile pages', () => {
    const d08 = listing('d08');
    const fields = readListing(renderStatic(d08), 'http://127.0.0.1:8123/item/d08');
    expect(fields.title).toBe(d08.title);
    expect(fields.title).toContain('<script>'); // the seller's text, kept as text: the popup shows it with textContent
  });
});
