/**
 * Large synthetic listing pages in the shapes that make real marketplace pages slow to read: a
 * several-hundred-KiB inline state blob (window.__INITIAL_STATE__, __NEXT_DATA__), hundreds of
 * recommended-item cards with prices, a mega-menu of hundreds of links, inline SVG icons, many
 * <style> blocks, long footers, a forum thread with many replies. Made here (nothing copied from a
 * site), deterministic, each with the fields a reader should find, so the bench can time them and a
 * test can hold their fields.
 */

export interface LargePage {
  readonly name: string;
  readonly url: string;
  readonly html: string;
  readonly truth: { readonly title: string; readonly description_start: string; readonly price: string; readonly seller: string | null };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const svg = (i: number) =>
  `<svg class="icon icon-${i % 9}" viewBox="0 0 24 24" width="16" height="16"><path d="M${i % 24} 2 L22 ${(i * 7) % 24} L2 22 Z M4 4 h16 v16 h-16 z"/><circle cx="12" cy="12" r="${(i % 5) + 3}"/></svg>`;
const styles = (n: number, prefix: string) =>
  range(n)
    .map(
      (b) =>
        `<style data-emotion="${prefix}-${b}">${range(60)
          .map((i) => `.${prefix}-${b}-${i}{display:flex;margin:${i}px ${b}px;color:#${((b * 60 + i) * 4099).toString(16).slice(0, 6).padEnd(6, '0')}}`)
          .join('')}</style>`,
    )
    .join('\n');

/** A mega-menu: departments, each with a column of category links. */
function megaMenu(links: number, word: (i: number) => string): string {
  const per = 25;
  return `<header class="site-header"><div class="top-bar">${svg(1)}<a href="/">Home</a><form class="search-form"><input name="q" placeholder="Search"><button>${svg(2)}</button></form></div>
<nav class="mega-menu"><ul>${range(Math.ceil(links / per))
    .map(
      (d) =>
        `<li class="dept"><a href="/d/${d}">${word(d)} ${d}</a><div class="flyout"><ul>${range(per)
          .map((i) => `<li><a href="/c/${d}/${i}">${svg(i)}<span>${word(d * per + i)} ${i}</span></a></li>`)
          .join('')}</ul></div></li>`,
    )
    .join('')}</ul></nav></header>`;
}

/** Recommended-item cards, each with its own title, price and a struck price. */
function cards(n: number, heading: string, currency: string): string {
  return `<section class="recs"><h2>${heading}</h2><div class="grid">${range(n)
    .map(
      (i) =>
        `<div class="product-card" data-id="${5000 + i}"><a href="/item/${5000 + i}"><img src="/img/${i}.jpg" alt="Item ${i}"><div class="card-title">Other item number ${i} with a long name for a card</div></a><div class="card-price"><span class="price">${currency}${(i * 3.7 + 10).toFixed(2)}</span> <s>${currency}${(i * 5 + 30).toFixed(2)}</s></div><div class="card-meta">${svg(i)}<span>${i % 5}.${i % 10} stars</span><span>(${i * 13} sold)</span></div></div>`,
    )
    .join('')}</div></section>`;
}

function footer(n: number): string {
  return `<footer class="site-footer">${range(n)
    .map(
      (c) =>
        `<div class="col"><h4>Column ${c}</h4><ul>${range(12)
          .map((i) => `<li><a href="/help/${c}/${i}">Help topic ${c}-${i}</a></li>`)
          .join('')}</ul></div>`,
    )
    .join('')}<p>© 2026 Example Market Ltd. All rights reserved. Registered office: 1 Example Street. Privacy · Terms · Cookies · Accessibility</p></footer>`;
}

/** A state blob: the listing somewhere inside, and a great deal of everything else. */
function stateBlob(listing: object, items: number): string {
  return JSON.stringify({
    app: { version: '9.1.0', flags: Object.fromEntries(range(300).map((i) => [`flag_${i}`, i % 3 === 0])) },
    i18n: Object.fromEntries(range(1500).map((i) => [`key.${i}`, `Translated string number ${i} for the interface`])),
    listing,
    recommendations: range(items).map((i) => ({
      id: 5000 + i,
      title: `Other item number ${i} with a long name`,
      price: { amount: i * 3.7 + 10, currency: 'USD' },
      images: range(6).map((k) => `https://img.example/${i}/${k}.jpg`),
      seller: { id: 900 + i, name: `seller_${i}`, rating: 4.5 },
    })),
  });
}

const DESCRIPTION_EN =
  'Selling my road bike, a 56 cm aluminium frame with a carbon fork. Shimano 105 groupset, eleven speed, serviced last month: new chain, cassette and brake pads. Tyres have about 500 km on them. Small scratch on the top tube, otherwise in very good condition. Pick up in town or I can ship it boxed for the buyer.';

function spaStatePage(): LargePage {
  const title = 'Aluminium road bike 56cm Shimano 105 11-speed';
  const listing = { id: 123456, title, description: DESCRIPTION_EN, price: { amount: 640, currency: 'USD' }, seller: { name: 'pedal_pusher_88' } };
  const html = `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>${title} | Example Market</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Example Market">
<meta name="description" content="Shop ${title} on Example Market. Free shipping on many items, buy with confidence!">
<link rel="canonical" href="https://www.examplemarket.com/item/123456">
${styles(40, 'css')}
<script>window.__INITIAL_STATE__ = ${stateBlob(listing, 900)};</script>
${range(30)
  .map((i) => `<script>!function(){var a${i}=${JSON.stringify(range(200).map((k) => k * i))};window.q${i}=a${i}.map(function(x){return x+1})}();</script>`)
  .join('\n')}
<script src="/static/vendor.js" defer></script><script src="/static/app.js" defer></script></head><body>
<div id="root">${megaMenu(500, (i) => `Category ${i}`)}
<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/c/bikes">Bikes</a></li><li>Road bikes</li></ol>
<main class="item-page"><div class="gallery">${range(12)
    .map((i) => `<img src="/img/main/${i}.jpg" alt="photo ${i}">`)
    .join('')}</div>
<div class="item-info"><h1 class="item-title">${title}</h1>
<div class="price-box"><span class="current-price">$640.00</span> ${svg(3)}</div>
<div class="seller-card">${svg(4)}Seller: <a href="/usr/pedal_pusher_88">pedal_pusher_88</a> (312 ratings)</div>
<section class="item-description"><h2>Description</h2><p>${DESCRIPTION_EN}</p></section>
<table class="specs">${range(20)
    .map((i) => `<tr><th>Spec ${i}</th><td>value ${i}</td></tr>`)
    .join('')}</table></div>
${cards(300, 'You may also like', '$')}</main>
${footer(12)}</div>
<script>window.__APOLLO__=${JSON.stringify(range(2000).map((i) => ({ k: `Item:${i}`, v: { t: 'x'.repeat(20) } })))}</script></body></html>`;
  return {
    name: 'spa-state-600k',
    url: 'https://www.examplemarket.com/item/123456',
    html,
    truth: { title, description_start: DESCRIPTION_EN.slice(0, 80), price: '640', seller: 'pedal_pusher_88' },
  };
}

const DESCRIPTION_ZH =
  '自用九成新索尼微单相机，去年在专卖店购入，快门数不到五千，机身无磕碰无划痕。配件齐全：原装电池两块、充电器、包装盒和发票都在。因为换了全画幅所以出掉，同城可以面交验货，外地走顺丰到付。';

function chineseNextDataPage(): LargePage {
  const title = '索尼A6400微单相机 九成新 快门不到五千 配件齐全';
  const listing = { itemId: '88812345', title, desc: DESCRIPTION_ZH, price: '4280.00', sellerNick: '阿杰的数码铺' };
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_闲置数码_二手集市</title>
<meta property="og:title" content="${title}"><meta name="description" content="二手集市为您提供${title}，正品保障，放心购买。">
<link rel="canonical" href="https://www.ershou-example.cn/item/88812345">
${styles(25, 'sc')}</head><body>
${megaMenu(400, (i) => `分类${i}数码家电`)}
<div class="main-wrap"><div class="detail"><h1 class="item-title">${title}</h1>
<div class="price-row"><span class="price"><em>¥</em><span class="int">4280</span><span class="dec">.00</span></span><span class="origin">原价 <del>¥6999</del></span></div>
<div class="seller-box">卖家：<a href="/u/7788">阿杰的数码铺</a> 信用极好</div>
<div class="desc-tabs"><ul class="tab-head"><li class="active">商品详情</li><li>交易须知</li></ul>
<div class="tab-panel"><p>${DESCRIPTION_ZH}</p></div></div></div>
${cards(200, '猜你喜欢', '¥')}</div>${footer(10)}
<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { item: listing, feed: JSON.parse(stateBlob({}, 700)) } } })}</script>
${range(40)
  .map((i) => `<script>(function(){var m${i}="${'abcdefghij'.repeat(300)}";window.t${i}=m${i}.length})();</script>`)
  .join('\n')}</body></html>`;
  return {
    name: 'zh-next-data-500k',
    url: 'https://www.ershou-example.cn/item/88812345',
    html,
    truth: { title, description_start: DESCRIPTION_ZH.slice(0, 40), price: '4280', seller: '阿杰的数码铺' },
  };
}

const FIRST_POST =
  'Selling a lot of vintage mechanical keyboards, all tested and working. Model M from 1989 with the original cable, two Cherry boards with brown switches and a spare set of keycaps. Asking $350 for the lot, shipping within the US included. PayPal goods and services only.';

function forumThreadPage(): LargePage {
  const title = 'WTS: Vintage mechanical keyboard lot (Model M, Cherry)';
  const reply = (i: number) =>
    `<article class="message message--post" id="post-${i}"><div class="message-user"><a href="/members/user${i}.${i}/" class="username">user${i}</a><div class="user-title">Member</div></div><div class="message-content"><div class="bbWrapper">Reply number ${i}: is the Model M still available? I could offer $${200 + i} if you split the lot, thanks. ${'Some more words about the keyboards and shipping. '.repeat(3)}</div></div><footer class="message-footer">${svg(i)}<a href="/posts/${i}/react">Like</a> <a href="/posts/${i}/reply">Reply</a></footer></article>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Keyboard Forum</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Keyboard Forum">
<link rel="canonical" href="https://forum.keyboards-example.org/threads/wts-vintage-lot.55555/">
${styles(20, 'xf')}</head><body>
${megaMenu(300, (i) => `Forum ${i}`)}
<div class="p-body"><div class="p-title"><h1 class="p-title-value">${title}</h1></div>
<div class="block-body">
<article class="message message--post" id="post-1"><div class="message-user"><a href="/members/clicky_collector.42/" class="username">clicky_collector</a><div class="user-title">Well-known member</div></div><div class="message-content"><div class="bbWrapper">${FIRST_POST}</div></div></article>
${range(250)
  .map((i) => reply(i + 2))
  .join('\n')}
</div></div>${footer(8)}
${range(20)
  .map((i) => `<script>XF.config${i}=${JSON.stringify(Object.fromEntries(range(150).map((k) => [`phrase_${k}`, `Phrase text ${k}`])))}</script>`)
  .join('\n')}</body></html>`;
  return {
    name: 'forum-thread-250-replies',
    url: 'https://forum.keyboards-example.org/threads/wts-vintage-lot.55555/',
    html,
    truth: { title, description_start: FIRST_POST.slice(0, 80), price: '350', seller: 'clicky_collector' },
  };
}

/** The large pages, each several hundred KiB. */
export function largeListingPages(): LargePage[] {
  return [spaStatePage(), chineseNextDataPage(), forumThreadPage()];
}
