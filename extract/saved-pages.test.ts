import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';
import { hiddenByClass } from './noise.js';
import { parseHtml } from './page.js';

/**
 * What pages of script-built marketplaces carry once a browser saves them (dev-pages-4/): hashed
 * class names, closed modals hidden only by a class, chat widgets, amounts split over spans, shop
 * cards whose only link says "visit shop".
 */

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const read = (head: string, body: string, url = 'https://market.example/item/1') => extractListing(page(head, body), url);
const prose = 'Selling our three-seater sofa as we are moving overseas. Light grey, washable covers, no pets, no stains, one small pull on the left armrest.';
const policy =
  'Before you pay, read our buyer protection rules. Payments are held until you confirm the item arrived as described, and refunded in full, shipping included, if it did not.';

describe('saved pages of script-built marketplaces', () => {
  it('skip blocks hidden by a framework class, unless a breakpoint shows them', () => {
    const el = (cls: string) => parseHtml(`<div class="${cls}"></div>`)('div').get(0)!;
    for (const cls of ['hidden', 'D_bg hidden', 'd-none', 'a-hidden', 'aok-hidden', 'wt-display-none', 'sf-hidden'])
      expect(hiddenByClass(el(cls)), cls).toBe(true);
    for (const cls of ['hidden md:block', 'd-none d-lg-flex', 'visually-hidden', 'wt-screen-reader-only', 'overflow-hidden', 'hidden-xs'])
      expect(hiddenByClass(el(cls)), cls).toBe(false);
    const l = read(
      '<title>Sofa</title>',
      `<h1>Sofa</h1><div class="x1"><p class="x2">${prose}</p></div><div class="x3 hidden"><p>${policy}</p><p>${policy}</p></div>`,
    );
    expect(l.description).toBe(prose);
  });

  it("never take a support chat widget's greeting for the description", () => {
    const chat =
      '<div id="chat-widget-container"><div class="q1"><span class="q2">Hi! 👋 Need help? Our support team usually replies within a few minutes. Ask us anything about orders, payments, shipping, or returns!</span></div></div>';
    const l = read(
      '<title>Sofa</title>',
      `<h1>Sofa</h1><div class="D_rJ"><p class="D_lA">Selling our sofa, moving overseas, light grey.</p></div><footer>© 2026</footer>${chat}`,
    );
    expect(l.description).toBe('Selling our sofa, moving overseas, light grey.');
  });

  it('never take a cookie banner that no name gives away (utility classes only) for the description', () => {
    const banner =
      '<div id="x9" class="fixed bottom-0 inset-x-0 z-50 p-4"><div class="flex gap-4"><p class="text-sm">Usamos cookies e tecnologias semelhantes para melhorar a sua experiência, personalizar conteúdo e anúncios e analisar o tráfego. Ao continuar navegando, você concorda com a nossa Política de Privacidade.</p><button class="rounded">Aceitar</button></div></div>';
    const text = 'Faço limpeza completa de apartamentos na Zona Sul há oito anos.';
    const l = read('<title>Diarista</title>', `${banner}<h1>Diarista</h1><div class="olx-d"><span class="olx-text">${text}</span></div>`);
    expect(l.description).toBe(text);
  });

  it('read an amount whose cents sit in their own element without a mark, and never the cents alone', () => {
    const amount = (frac: string, cents: string) =>
      `<span class="andes-money-amount andes-money-amount--cents-superscript"><span class="andes-money-amount__currency-symbol">R$</span><span class="andes-money-amount__fraction">${frac}</span><span class="andes-money-amount__cents">${cents}</span></span>`;
    const l = read(
      '<title>Smart TV 50</title>',
      `<h1>Smart TV 50</h1><div class="ui-pdp-price"><s>R$ 3.199</s>${amount('2.449', '90')}<span>23% OFF</span><p>em 10x ${amount('244', '99')} sem juros</p></div>`,
      'https://produto.example.com.br/MLB-1',
    );
    expect(l.priceAmount).toBe('2449.9');
  });

  it('read a split amount beside a release or list price as the price, not that price nor another row', () => {
    const l = read(
      '<title>Air Force 1 白色 - 得物</title>',
      '<div class="a1"><span class="b1">¥</span><span class="b2">749</span><span class="b3">起</span><span class="b4">发售价 ¥799</span></div><div class="t1">Air Force 1 白色</div><div class="s1"><div class="r"><span>40</span><span>¥769</span></div><div class="r"><span>41</span><span>¥749</span></div></div>',
    );
    expect(l.priceAmount).toBe('749');
  });

  it('take the lower of two prices in a box that shows a discount, whatever shipping fee is beside them', () => {
    const l = read(
      '<title>藍牙耳機</title>',
      '<section class="s"><h1 class="t">藍牙耳機</h1><div class="p"><div class="a">$699 - $899</div><div class="b">$399 - $599</div><div class="c">43% 折扣</div></div><div class="f"><label>運費</label><div>$60 - $120</div></div></section>',
    );
    expect(l.priceAmount).toBe('399');
  });

  it("take a title from a page whose <title> is only the site, named by its home link's label, past prices and counts above it", () => {
    const l = read(
      '<title>拼多多</title>',
      '<header><a href="/" aria-label="拼多多 home"><svg></svg></a></header><div id="main"><div class="p"><span>¥</span><span>12</span><span>.9</span><span>券后</span></div><div class="c">已拼10万+件</div><div class="t"><span>百亿补贴</span><span>纯棉毛巾 加厚吸水 4条装</span></div><div class="d"><p>精选新疆长绒棉，加密加厚，克重 120g，柔软亲肤不掉毛，婴儿也可以用，四条装颜色随机发货。</p></div></div>',
      'https://saved-page.invalid/',
    );
    expect(l.title).toBe('百亿补贴纯棉毛巾 加厚吸水 4条装');
    expect(l.priceAmount).toBe('12.9');
  });

  it('take off a price a site appends with a preposition ("… für 18.990 €")', () => {
    const l = read(
      '<title>VW Golf 1.5 TSI Life für 18.990 € - mobile.de</title><meta property="og:title" content="VW Golf 1.5 TSI Life für 18.990 €">',
      '<div class="a"><h2 class="b">VW Golf 1.5 TSI Life</h2><span data-testid="prime-price">18.990 €</span></div>',
    );
    expect(l.title).toBe('VW Golf 1.5 TSI Life');
  });

  it('name the seller from the card of a "visit shop" button, a /closet/ link or an 仲介 label', () => {
    const card = read(
      '<title>Earbuds</title>',
      '<h1>Earbuds</h1><section class="s"><div class="c"><a class="n" href="/audio_king_tw"><div class="m">audio_king_tw</div></a><div>2 分鐘前上線</div><a href="/shop/381234"><button>查看賣場</button></a></div></section>',
    );
    expect(card.seller).toBe('audio_king_tw');
    expect(read('<title>Dress</title>', '<h1>Dress</h1><div><a href="/closet/sunnyclosetco"><span>sunnyclosetco</span></a></div>').seller).toBe(
      'sunnyclosetco',
    );
    expect(read('<title>兩房</title>', '<h1>兩房</h1><div class="a"><span>仲介</span><span class="b">林小姐</span></div>').seller).toBe('林小姐');
  });

  it("read the seller's price in a note's text after 出手价, and give way from a summary that counts the site's sellers", () => {
    const note = read(
      '<title>出富士X100V</title>',
      '<h1>出富士X100V</h1><div id="detail-desc"><span>自用富士X100V银色，快门数约8000，成色很新无磕碰。</span><br><span>出手价 8900，不刀，顺丰到付。</span></div>',
    );
    expect(note.priceAmount).toBe('8900');
    const l = read(
      '<title>Maxi dress</title><meta name="description" content="Shop sunny\'s closet or find the perfect look from millions of stylists. Fast shipping and buyer protection.">',
      `<h1>Maxi dress</h1><div class="listing__description">${prose}</div>`,
    );
    expect(l.description).toBe(prose);
  });
});
