import { describe, expect, it } from 'vitest';
import { isFactsLine, readsAsSiteLine } from './boilerplate.js';
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

  it("keep a seller's summary that the page holds back for scripts, over some other block of text", () => {
    const summary = "Proper 90s Levi's 501s, made in USA, button fly. Light stone wash, no rips or stains.";
    const bio =
      "Hi, I'm Sam! I source vintage denim and workwear from car boot sales all over the country, then wash, mend and photograph everything at home. Bundles welcome.";
    const l = read(
      `<title>Levi's 501 jeans | Depop</title><meta property="og:description" content="${summary}"><meta property="og:site_name" content="Depop">`,
      `<h1>Levi's 501 jeans</h1><div class="sc-x1"></div><div class="sc-x2"><p class="sc-x3">${bio}</p></div>`,
    );
    expect(l).toMatchObject({ description: summary, fieldSources: { description: 'opengraph' } });
  });

  it('give way from a summary the page never shows that counts votes or speaks of free delivery and instalments', () => {
    for (const summary of [
      'Posted by u/pine_and_silicon - 3 votes and 7 comments',
      'Envíos Gratis en el día ✓ Comprá Cafetera Atma en cuotas sin interés! Conocé nuestras ofertas.',
    ])
      expect(
        read(`<title>Cafetera Atma</title><meta name="description" content="${summary}">`, `<h1>Cafetera Atma</h1><div><p>${prose}</p></div>`).description,
      ).toMatch(/^这款草编包/);
  });

  it("tell the site's line from a seller's words by the site's name, domain and marketing, not by an e-mail or a link", () => {
    expect(readsAsSiteLine('Tecno Camon 20 Pro in Ikeja | Buy Mobile Phones from Chidi on Jiji.ng', 'Tecno Camon 20 Pro', [])).toBe(true);
    expect(readsAsSiteLine('我在拼多多发现了一个好东西，快来一起拼吧！', '珊瑚绒洗碗巾', [])).toBe(true);
    expect(readsAsSiteLine('Selfie sets with ID, write to facesets@mail.com or see www.facesets.com/new', 'Selfie sets', [])).toBe(false);
    expect(readsAsSiteLine('Solid walnut dresser, all drawers slide smoothly. You pick up.', 'Dresser', ['Craigslist'])).toBe(false);
  });

  it("give way from a summary that is the site's row of facts (a price, a place, a category), or the title restated with its price", () => {
    expect(isFactsLine('3 200 kr · Malmö')).toBe(true);
    expect(isFactsLine('AED 1,450 | Sofas | Jumeirah Village Circle, Dubai')).toBe(true);
    expect(isFactsLine('890 € - Valencia - Bicicletas de carretera de segunda mano')).toBe(true);
    // A seller's sentences, or facts without a price, are no such row.
    expect(isFactsLine('Selling my sofa - 3 200 kr. Pick up in Malmö, no delivery.')).toBe(false);
    expect(isFactsLine('Grey · three seats · washable covers')).toBe(false);
    expect(readsAsSiteLine('Jual Kursi Lipat Kayu Jati dengan harga Rp250.000 dari toko online Mebel Jaya, Jepara.', 'Kursi Lipat Kayu Jati', [])).toBe(true);
    expect(readsAsSiteLine('Hervidor Kovi 1,7 l. Gratis verzending vanaf 20,-. Bestel nu!', 'Hervidor Kovi 1,7 l', [])).toBe(true);
    const l = read(
      '<title>Mesa plegable de haya</title><meta property="og:description" content="890 € - Valencia - Mesas de segunda mano">',
      `<h1>Mesa plegable de haya</h1><div class="x"><span>890 €</span></div><div class="y"><p>${prose}</p></div>`,
    );
    expect(l.description).toMatch(/^这款草编包/);
  });

  it("lead the full description under a tab with a shop's short structured summary, not stop at the summary", () => {
    const full =
      'Ce vase est tourné à la main dans notre atelier, en grès chamotté cuit à 1280 °C. Son émail mat résiste à l’eau et chaque pièce varie un peu de teinte.';
    const l = read(
      '<title>Vase en grès</title>',
      '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Vase en grès</h1><span itemprop="price" content="45">45,00 €</span>' +
        '<div itemprop="description"><p>Vase en grès émaillé, fait main.</p></div>' +
        `<div class="tab-content"><div class="tab-pane" id="description"><div class="product-description"><p>${full}</p></div></div></div></div>`,
    );
    expect(l.description).toMatch(/^Vase en grès émaillé, fait main\. Ce vase est tourné à la main/);
  });

  it('skip blocks of questions, reviews and similar items titled in the languages of the sites read', () => {
    const noise = (heading: string) =>
      `<div class="c1"><h2>${heading}</h2><div class="c2">${'<p>¿Viene con el filtro para café molido? Quería saber si la jarra está incluida, gracias. Hola, sí, viene con dos filtros.</p>'.repeat(4)}</div></div>`;
    for (const heading of ['Preguntas y respuestas', 'Opiniones del producto', 'Kundenrezensionen', 'Avis clients', 'Похожие объявления', 'レビュー', '상품평'])
      expect(read('<title>Cafetera</title>', `<h1>Cafetera</h1><div class="c3"><p>${prose}</p></div>${noise(heading)}`).description, heading).toMatch(
        /^这款草编包/,
      );
  });

  it("never take a seller's card of short lines for the description because its class says body or info", () => {
    const notes =
      'Used for a year in a case with a screen protector from day one. Light scuffs on the bottom edge, nothing on the screen. Face ID works, battery at 91%.';
    const l = read(
      '<title>iPhone 13</title>',
      `<h1>iPhone 13</h1><div class="card"><div class="card-body"><div>Seller</div><a href="/user/h">harbor_tech</a><div class="small">212 sales · 100% positive</div></div></div><div class="col-lg-7"><h2>Notes</h2><p>${notes}</p></div>`,
    );
    expect(l.description).toMatch(/^(Notes )?Used for a year/);
  });

  it("never take a buy box's returns line or a table of sizes for the description because its class says message or details", () => {
    const bullets = ['Charges a phone to half in about 25 minutes, with 20W USB-C power delivery.', 'Slim and light: slides into a pocket, without a bulge.'];
    const l = read(
      '<title>Power bank</title>',
      `<h1>Power bank</h1><div id="feature-bullets"><ul>${bullets.map((b) => `<li><span>${b}</span></li>`).join('')}</ul></div>` +
        '<div class="offer-display-feature-text"><span class="offer-display-feature-text-message">30-day refund/replacement</span></div>' +
        '<div id="productDetails_feature_div"><table><tr><th>Item Weight</th><td>6.9 ounces</td></tr><tr><th>Batteries</th><td>1 Lithium Polymer batteries required. (included)</td></tr></table></div>',
    );
    expect(l.description).toMatch(/^Charges a phone to half/);
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
    // A box whose test id says item-sidebar, inside the aside, holds the title too: its price and text are the listing's.
    const box = read(
      '<title>Manteau</title>',
      `<aside class="item-page-sidebar-content"><div data-testid="item-sidebar"><h1>Manteau camel</h1><div data-testid="item-price"><p>95,00 €</p></div><div data-testid="item-description">${text}</div></div></aside>`,
    );
    expect(box).toMatchObject({ description: text, priceAmount: '95' });
  });

  it('never come from a spec list of "Label: value" rows that shares a container with the text, however many commas its values hold', () => {
    const rows = ['Цвет', 'Материал', 'Ширина', 'Глубина', 'Высота', 'Ножки', 'Производитель', 'Страна', 'Гарантия', 'Сборка', 'Стиль', 'Доставка']
      .map((k) => `<li><span>${k}:</span> значение ${k}, серый, подробно</li>`)
      .join('');
    const text = 'Продаю угловой диван с механизмом еврокнижка, куплен два года назад. Обивка велюр, без пятен и затяжек.';
    const l = read(
      '<title>Диван</title>',
      `<h1>Диван угловой</h1><div class="item-view-content"><div class="item-params"><h2>Характеристики</h2><ul>${rows}</ul></div><div class="item-description"><h2>Описание</h2><p>${text}</p></div></div>`,
    );
    expect(l.description).toBe(text);
  });

  it('from microdata keep the breaks between paragraphs (no "белья.Обивка")', () => {
    const l = read(
      '<title>Sofa</title>',
      '<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Sofa</h1><div itemprop="description"><p>Есть ящик для белья.</p><p>Обивка велюр.</p></div></div>',
    );
    expect(l.description).toBe('Есть ящик для белья. Обивка велюр.');
  });

  it("never take a consent manager's note, named for its vendor rather than for cookies, for the description", () => {
    const text = 'Acheté l’hiver dernier, porté une dizaine de fois. Laine et cachemire, doublure intacte, aucun trou.';
    const l = read(
      '<title>Manteau</title>',
      `<h1>Manteau camel</h1><div>${text}</div><div id="onetrust-banner-sdk" class="otFlat">${'<p>Nous utilisons des cookies pour personnaliser le contenu et les annonces, fournir des fonctionnalités de réseaux sociaux, et analyser notre trafic; nous partageons aussi des informations, avec nos partenaires.</p>'.repeat(4)}</div><div id="didomi-host">${'<p>Vos données personnelles, nos 812 partenaires et nous : des cookies pour mesurer l’audience, personnaliser les annonces, et le contenu.</p>'.repeat(4)}</div>`,
    );
    expect(l.description).toBe(text);
  });

  it('come from the feature bullets beside the title (#feature-bullets), not a description block below a strip of other items', () => {
    const bullets = [
      'HEAVY-DUTY STEEL FRAME: each tier holds up to 33 lbs, so pots, pans and small appliances slide out.',
      'SOFT-CLOSE SLIDES: full-extension slides glide quietly, and close gently, so lids stay put.',
      'EASY INSTALLATION: screws, a template and a guide are included; most finish in under 30 minutes.',
    ];
    const l = read(
      '<title>Cabinet organizer</title>',
      `<h1 id="title"><span id="productTitle">Cabinet organizer</span></h1><div id="feature-bullets"><h1>About this item</h1><ul>${bullets.map((b) => `<li><span class="a-list-item">${b}</span></li>`).join('')}</ul></div>` +
        '<div id="productDescription_feature_div"><h2>Product Description</h2><div id="productDescription"><p><span>Make the back of the cabinet useful again, with two sliding tiers, so nothing gets lost behind the plumbing.</span></p></div></div>',
    );
    expect(l.description?.startsWith('HEAVY-DUTY STEEL FRAME')).toBe(true);
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

  it('come from a Details tab the page hides until it is clicked, but not from other hidden tabs', () => {
    const l = read(
      '<title>破壁机 L18 - 商城</title>',
      `<h1>破壁机 L18</h1><div class="tab-panel" id="panel-spec"><table><tr><th>功率</th><td>1000W</td></tr></table></div>` +
        `<div class="tab-panel" id="panel-detail" style="display: none;"><p>${prose}</p></div>` +
        `<div class="tab-panel" id="panel-service" style="display:none"><p>本商品全国联保，享受三包服务，质保期为一年。如因质量问题，凭检测证明享受七日内退货，十五日内换货服务。</p></div>`,
    );
    expect(l.description).toMatch(/^这款草编包选用天然蒲草/);
  });

  it("are read inside the page's <main> whatever layout words its classes carry", () => {
    const post = 'Selling my M6 TTL in black chrome with a Summicron 35mm. The body was serviced in 2024, the meter is accurate, and the finder is bright.';
    const l = read(
      '<title>[WTS] Leica M6 : r/photomarket</title><meta property="og:description" content="Explore this post and more from the photomarket community">',
      `<main class="main w-full right-sidebar-xs"><h1>[WTS] Leica M6</h1><div class="md"><p>${post}</p><p>Looking for $3,450 shipped.</p></div></main>`,
    );
    expect(l.description).toMatch(/^Selling my M6 TTL/);
    expect(l.priceAmount).toBe('3450');
  });
});
