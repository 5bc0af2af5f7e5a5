import type { DemoListing } from './demo-listing.js';

/** HTML escaping for the demo's own pages: the listings include hostile markup on purpose. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const shell = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(title)} - 演示集市 Demo Market</title>${head}</head><body>${body}</body></html>`;

const linkOf = (l: DemoListing, i: number) => {
  const path = l.page === 'static' ? 'item' : l.page === 'jsonld' ? 'p' : 'app';
  // Tracking parameters that canonicalization must strip, different on every listing.
  return `/${path}/${l.id}?spm=a21.${i}.list&from=search&utm_source=demo`;
};

export function renderIndex(listings: readonly DemoListing[], page: number, hasNext: boolean): string {
  const items = listings
    .map((l, i) => `<li><a class="item" href="${escapeHtml(linkOf(l, i))}">${escapeHtml(l.title)}</a> <span>${escapeHtml(l.price)}</span></li>`)
    .join('\n');
  const next = hasNext ? `<a class="next" href="/s?q=%E4%BA%BA%E8%84%B8&page=${page + 1}&spm=demo.page.${page}">下一页 next</a>` : '';
  return shell(`搜索 第${page}页`, `<h1>搜索结果 第${page}页</h1><ul>${items}</ul>${next}<footer><a href="/private/admin">卖家后台</a></footer>`);
}

// Page furniture, as real marketplaces have it: a category menu and a footer with the site's rules and
// legal text. Its words are the site's, not the listing's: neither extraction nor the highlighter reads it.
const FURNITURE_MENU = '<nav class="menu">首页 · 手机数码 · Photo Video · Persona · 证件卡套</nav>';
const FURNITURE_FOOTER =
  '<footer><p>平台规则：严禁发布手持身份证照、人脸四件套等个人信息，违者封号。为保护您的隐私，本站不会显示完整卡號。</p><p>© 2026 Marché Démo S.à.r.l.</p></footer>';

export function renderStatic(l: DemoListing): string {
  return shell(
    l.title,
    `${FURNITURE_MENU}<div class="listing"><h1 class="title">${escapeHtml(l.title)}</h1><p class="desc">${escapeHtml(l.description)}</p>
<span class="price">${escapeHtml(l.price)}</span><a class="seller" href="/u/${escapeHtml(l.seller)}">${escapeHtml(l.seller)}</a>
<img class="photo" src="/img/${l.id}-1.jpg"><img class="photo" src="/img/${l.id}-2.jpg"></div>${FURNITURE_FOOTER}`,
  );
}

export function renderJsonLd(l: DemoListing): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: l.title,
    description: l.description,
    image: [`/img/${l.id}-1.jpg`],
    offers: { '@type': 'Offer', price: l.price, seller: { '@type': 'Person', name: l.seller } },
  };
  // '<' escaped inside the script so a title holding </script> cannot end it.
  const json = JSON.stringify(ld).replace(/</g, '\\u003c');
  return shell(l.title, `<main><h2>商品详情</h2><p>详情见结构化数据。</p></main>`, `<script type="application/ld+json">${json}</script>`);
}

/** A page that is an empty shell until its script fetches the listing. */
export function renderSpaShell(l: DemoListing): string {
  const script = `fetch('/api/item/${l.id}').then(r => r.json()).then(d => {
  const root = document.getElementById('app');
  const box = document.createElement('div'); box.className = 'listing';
  for (const [cls, text] of [['title', d.title], ['desc', d.description], ['price', d.price], ['seller', d.seller]]) {
    const el = document.createElement(cls === 'title' ? 'h1' : 'p'); el.className = cls; el.textContent = text; box.appendChild(el);
  }
  root.appendChild(box);
});`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(l.title)} - 演示集市</title></head><body><div id="app"></div><script>${script}</script></body></html>`;
}
