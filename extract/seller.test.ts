import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';

const sellerOf = (body: string, title = 'Listing') =>
  extractListing(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, 'https://market.example/item/1').seller;

describe('sellers read from the page', () => {
  it('drop a label that a card repeats after a heading that is the same label', () => {
    expect(sellerOf('<h1>Bike</h1><h2>Seller</h2><div class="card"><span>Seller</span> <a href="/user/owen">Owen R.</a> · member since 2019</div>')).toBe(
      'Owen R.',
    );
  });

  it("takes a seller card's first line that can stand as a name, past its heading, status and buttons", () => {
    expect(
      sellerOf(
        '<h1>Baju kurung</h1><section class="page-product__shop"><div class="fV3TIn">Butik Aisyah Official</div><div>Active 5 minutes ago</div><button>Chat Now</button></section>',
      ),
    ).toBe('Butik Aisyah Official');
    expect(
      sellerOf('<h1>Snowblower</h1><div class="profileContainer-2018"><a href="/o-profile/1009/listings/1"><div>Darren</div></a><div>Owner</div></div>'),
    ).toBe('Darren');
  });

  it('takes the shop linked just after the title over a "Meet your seller" card further down', () => {
    const body =
      '<h1>Leather collar</h1><div><a href="https://www.etsy.example/shop/BarkAndBridle?ref=x">BarkAndBridle</a></div><p>' +
      'Handmade collar. '.repeat(10) +
      '</p><div><h2>Meet your seller</h2><div><p>Dana Whitfield</p></div></div>';
    expect(sellerOf(body)).toBe('BarkAndBridle');
  });

  it("reads a shop's name in the page header, a store's name by its suffix, and a Japanese label", () => {
    expect(sellerOf('<div id="header"><a class="shop-name-link" href="//x.shop.example">小岛手作工坊</a></div><h1>草编包</h1>')).toBe('小岛手作工坊');
    expect(sellerOf('<div class="crumb-wrap"><div class="name"><a href="//mall.example/index-1.html">小米京东自营旗舰店</a></div></div><h1>手机</h1>')).toBe(
      '小米京东自营旗舰店',
    );
    expect(
      sellerOf(
        '<h1>ライカ M6</h1><div class="Seller"><p class="Seller__title">出品者情報</p><p class="Seller__name"><a href="/seller/kobo">camera_kobo</a></p></div>',
      ),
    ).toBe('camera_kobo');
  });

  it('never takes a button ("进店", "View shop") or a section heading for a name', () => {
    expect(sellerOf('<h1>红糖姜茶</h1><div class="shop-bar"><p class="shop-bar-name">云南老糖坊</p><a href="/shop/89012345">进店</a></div>')).toBe(
      '云南老糖坊',
    );
    expect(sellerOf('<h1>Lamp</h1><div class="seller"><p>Seller information</p></div>')).toBeNull();
  });

  it("reads the author of a forum post ('作者', 'Thread starter'), but not a book's author, linked to the author's page", () => {
    expect(sellerOf('<h1>[販售] Switch OLED</h1><div><span class="tag">作者</span><span class="value">kevin0912 (阿凱)</span></div>')).toBe('kevin0912 (阿凱)');
    expect(
      sellerOf(
        '<h1>山居笔记</h1><div class="meta"><p>作者：<a href="/authors/88">周海舟</a></p><p>出版社：北岸出版社</p></div><section class="book-author"><h2>作者简介</h2><p>周海舟，生于烟台，现居青岛。</p></section>',
      ),
    ).toBeNull();
  });

  it("takes the name a label introduces, not the counts the label's element goes on with", () => {
    expect(
      sellerOf('<h1>Road bike</h1><div class="seller-card"><svg><path d="M1 1"/></svg>Seller: <a href="/usr/pedal">pedal_pusher_88</a> (312 ratings)</div>'),
    ).toBe('pedal_pusher_88');
    expect(sellerOf('<h1>相机</h1><div class="seller-box">卖家：<a href="/u/7788">阿杰的数码铺</a> 信用极好</div>')).toBe('阿杰的数码铺');
    expect(sellerOf('<h1>相机</h1><div>店家 <a href="/x">阿霖的電玩小舖</a></div>')).toBe('阿霖的電玩小舖');
  });

  it("reads a card's name apart from the kind of seller in the span beside it, and past a line that gives only that kind", () => {
    expect(
      sellerOf(
        '<h1>Sofa</h1><div class="AdvertiserCard__Wrapper-x1"><div><span>Karin B</span><span>Privatperson</span></div><div>Member since 2019</div></div>',
      ),
    ).toBe('Karin B');
    expect(sellerOf('<h1>Desk</h1><div data-testid="seller-card"><p>Listed by private user</p><p>Omar T.</p><p>Member since 2021</p></div>')).toBe('Omar T.');
  });

  it('reads labels in Norwegian, Korean and German ("Selger", 판매자정보, "Verkauf und Versand durch")', () => {
    expect(sellerOf('<h1>Sykkel</h1><div data-testid="profile-card"><p>Selger</p><div><span>Kari N.</span></div><p>På FINN siden 2014</p></div>')).toBe(
      'Kari N.',
    );
    expect(sellerOf('<h1>전기포트</h1><div class="seller-info"><h3>판매자정보</h3><dl><dt>판매자</dt><dd>행복주방몰</dd></dl></div>')).toBe('행복주방몰');
    expect(sellerOf('<h1>Sneaker</h1><div><p>Verkauf und Versand durch <a href="/partner/7">Schuhhaus Ost GmbH</a></p></div>')).toBe('Schuhhaus Ost GmbH');
  });

  it('never takes a login link or a customer-service button that a shop or user block holds for a name', () => {
    expect(sellerOf('<div class="user-info"><a href="/mon-compte"><span>Connexion</span></a></div><h1>Lampe</h1>')).toBeNull();
    expect(
      sellerOf('<h1>龙井</h1><div class="shop-card"><div class="shop-card__name">青山茶社</div></div><div class="bar"><div>店铺</div><div>客服</div></div>'),
    ).toBe('青山茶社');
  });

  it("never reads a table named for the shop (WooCommerce's shop_attributes) as a name", () => {
    expect(
      sellerOf('<h1>Tool roll</h1><table class="woocommerce-product-attributes shop_attributes"><tr><th>Weight</th><td>0.6 kg</td></tr></table>'),
    ).toBeNull();
  });

  it("reads the seller's card in the sidebar beside the ad (OLX, Kijiji), but never a menu's or the footer's names", () => {
    const ad = '<main><h1>Trek Marlin 7</h1><p>Serviced every season, new tyres, hydraulic brakes. Can test ride it.</p></main>';
    expect(
      sellerOf(
        `${ad}<aside class="css-1mvpdv2"><h3>User</h3><a href="/list/user/2abC/"><h4 data-testid="user-profile-user-name">Oleksandr</h4><p>On OLX since 2017</p></a></aside>`,
      ),
    ).toBe('Oleksandr');
    expect(sellerOf(`${ad}<div class="sidebar"><div>Seller: <a href="/o-profile/77">Dave K</a></div></div>`)).toBe('Dave K');
    expect(sellerOf(`${ad}<footer><a href="/user/legal_team">legal_team</a></footer><nav><a href="/shop/deals">DealsShop</a></nav>`)).toBeNull();
  });

  it('reads the name over a "member since" line in a card whose classes are hashed, in the languages of the sites read', () => {
    expect(
      sellerOf(
        '<h1>iPhone 13</h1><p>Bateria 88%, com nota fiscal, nunca foi aberto.</p><div class="ad__sc-1g2w54p-0" data-testid="account-box"><div class="ad__sc-ypp2u2-0"><span class="olx-text">Fernanda S.</span><span class="olx-text">Na OLX desde janeiro de 2017</span></div><a href="/perfil/1b6c0e2">Ver perfil</a></div>',
      ),
    ).toBe('Fernanda S.');
    expect(sellerOf('<h1>Soffa</h1><div class="sc-3c8"><div><span>Johanna L</span><span>Privatperson</span></div><div>Medlem sedan 2016</div></div>')).toBe(
      'Johanna L',
    );
    expect(sellerOf('<h1>Table</h1><div><div>C</div><div><p>Camille</p><p>32 annonces · Membre depuis 2014</p></div></div>')).toBe('Camille');
    expect(sellerOf('<h1>Lens</h1><div class="q1"><span>lensloft</span><span>On eBay since 2009</span></div>')).toBe('lensloft');
    // A listing's own dates are no member line: "En venta desde" (on sale since) names no site.
    expect(sellerOf('<h1>Mesa</h1><div class="x9"><span>Madrid</span><span>En venta desde 12/03</span></div>')).toBeNull();
  });

  it("reads a profile under /perfil/ or /profil/, but never a link that only says to see the seller's other ads", () => {
    expect(sellerOf('<h1>Mesa</h1><div class="x1"><a href="/perfil/884120">Lucía</a></div>')).toBe('Lucía');
    expect(sellerOf('<h1>Soffa</h1><div class="x2"><span>Johanna L</span></div><a href="/profil/9f3c2a">Se alla annonser (4)</a>')).not.toBe(
      'Se alla annonser',
    );
  });

  it("never takes a site menu's user links (post, account, favorites) for a name", () => {
    expect(
      sellerOf(
        '<header class="global-header"><ul class="user-actions"><li class="user post"><a href="https://post.example.org/c/pdx">post</a></li><li class="user account"><a href="https://accounts.example.org/login/home">account</a></li><li class="user favorites"><a href="/favorites">favorites</a></li></ul></header><h1>Oak table</h1>',
      ),
    ).toBeNull();
  });

  it('reads a label whose Han characters a table spaces out ("联 系 人：", "卖　　家：")', () => {
    expect(
      sellerOf('<h2>出售 电钢琴</h2><table class="info-table"><tr><th>价　　格：</th><td>4200 元</td></tr><tr><th>联 系 人：</th><td>刘老师</td></tr></table>'),
    ).toBe('刘老师');
    expect(sellerOf('<h1>保温瓶</h1><div>卖　　家：<a href="/x">阿霖</a></div>')).toBe('阿霖');
  });

  it("never takes a breadcrumb trail's category for a shop, even where categories sit under /store/", () => {
    expect(
      sellerOf(
        '<div class="c-breadcrumb"><ol><li><a href="https://24h.example.tw/">首頁</a></li><li><a href="https://24h.example.tw/store/DMAI5K">快煮壺 / 電水壺</a></li></ol></div><h1>快煮壺</h1>',
      ),
    ).toBeNull();
  });
});
