/**
 * A synthetic listing page the size and shape of a typical marketplace's (about 200 KiB): inline
 * scripts and styles, a category menu, breadcrumbs, the listing with its price, seller and details,
 * customer reviews, a "related items" strip and a footer. Made here, so the speed figure needs no
 * saved third-party page.
 */
export function typicalListingPage(): string {
  const menu = Array.from({ length: 120 }, (_, i) => `<li><a href="/c/${i}">Category ${i} 分类</a></li>`).join('');
  const script = `window.__STATE__=${JSON.stringify({ items: Array.from({ length: 400 }, (_, i) => ({ id: i, name: `item ${i}`, price: i * 3 })) })};`;
  const style = Array.from({ length: 300 }, (_, i) => `.c${i}{margin:${i}px;color:#${(i * 4099).toString(16).slice(0, 6).padEnd(6, '0')}}`).join('\n');
  const specs = Array.from({ length: 25 }, (_, i) => `<tr><th>Spec ${i}</th><td>value ${i} with some words</td></tr>`).join('');
  const reviews = Array.from(
    { length: 12 },
    (_, i) =>
      `<div class="review"><span class="review-author">buyer${i}</span><p>Review ${i}: ${'Arrived quickly and works as described, would buy again from this seller. '.repeat(6)}</p></div>`,
  ).join('');
  const related = Array.from(
    { length: 24 },
    (_, i) =>
      `<li class="card"><a href="/item/${900 + i}"><img src="/i/${i}.jpg"><span class="title">Related item ${i}</span><span class="price">$${i + 5}.99</span></a></li>`,
  ).join('');
  const description = 'Vintage film camera in working condition, tested with a roll of Portra 400. '.repeat(12);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vintage film camera 35mm | Market Example</title>
<meta property="og:title" content="Vintage film camera 35mm"><meta property="og:site_name" content="Market Example">
<meta name="description" content="Find great deals on Vintage film camera 35mm at Market Example. Free shipping on many items!">
<style>${style}</style><script>${script}</script><script src="/static/app.js"></script></head><body>
<header class="site-header"><nav><ul>${menu}</ul></nav><form class="search"><input name="q"><button>Search</button></form></header>
<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/c/cameras">Cameras</a></li><li>Film cameras</li></ol>
<main><div class="item"><h1 class="item-title">Vintage film camera 35mm</h1>
<div class="price-box"><span class="price-was"><s>$149.00</s></span> <span class="price-now">$119.00</span></div>
<div class="seller-card">Seller: <a href="/usr/camera_attic">camera_attic</a> (1,204)</div>
<section class="item-description"><h2>Description</h2><p>${description}</p><p>Ships in a padded box. Returns accepted within 30 days.</p></section>
<table class="specs">${specs}</table></div>
<section class="reviews"><h2>Customer reviews</h2>${reviews}</section>
<section class="related"><h2>You may also like</h2><ul>${related}</ul></section></main>
<footer class="site-footer"><p>© 2026 Market Example Inc. All rights reserved. Privacy · Terms · Cookies</p></footer>
<script>${script}</script></body></html>`;
}
