import type { Element } from 'domhandler';
import { nameTokens } from './noise.js';
import { elementText } from './element-text.js';
import type { FieldSource } from './fields.js';
import type { Page } from './page.js';
import { findPrices } from './price.js';
import { SEPARATOR } from './site-name.js';
import { cleanText, comparable } from './text.js';

/** A title one source proposes. */
export interface TitleCandidate {
  readonly source: FieldSource;
  readonly text: string;
  /** Which part of the page proposed it (h1 and <title> are both 'heading', yet two witnesses). */
  readonly origin: string;
}

// Appended marketing and navigation: an SEO tail, a login prompt, "for sale".
const JUNK_SEGMENT =
  /^(buy\b.*|.*\bproduct on\b.*|.*\bonline shopping\b.*|.*\bfree shipping\b.*|(sign|log) ?in\b.*|login\b.*|register\b.*|join now\b.*|for sale\b.*|.*\b(official site|online store)\b.*|(请|請)?(登录|登入|註冊|注册).*|免费发布.*|.*(网上购物|網路購物|购物网|購物網).*)$/i;
const LOGIN_ONLY = /^(sign in|log ?in|login|register|sign up|登录|登入|注册|註冊|请登录|請登入|会员登录|會員登入)(\s|$)/i;
const ELLIPSIS = /(\.\.\.|…)$/;
// How forum and channel trade posts open their subject: [WTS], [FS], (WTS), "FS:", "WTS …", 【出】, [出售].
const TRADE_SUBJECT = /^\s*(?:[[(【［](?:WTS|WTB|FS|FT|FS\/FT|WTT|H|出|出售|售|收|转|轉|转让|轉讓|販售)[\])】］]|(?:WTS|WTB|FS|FS\/FT|WTT)(?:\s*[:：]|\s))/i;
const BRACKET_TAG = /^\s*[【[［][^】\]］]{1,20}[】\]］]\s*/;

/** Whether a segment names the site ("eBay", "Amazon.com", "百姓网") rather than the item. */
function isSiteName(segment: string, siteNames: readonly string[]): boolean {
  const s = comparable(segment);
  if (!s) return true;
  return siteNames.some((n) => {
    const name = comparable(n);
    return name.length >= 2 && (s === name || (s.includes(name) && s.length <= name.length + 12));
  });
}

// A word that puts a price after a title: "… für 18.990 €", "… for $150", "… за 41 000 ₽".
const PRICE_PREPOSITION = /^(for|für|por|pour|para|per|voor|za|за|à)\s+/i;

/** "$150 (Brooklyn)", "1600元", "für 18.990 €": a price a site appends to a title, with a place after it. */
function isPriceTail(segment: string): boolean {
  const price = findPrices(segment)[0];
  return (
    price !== undefined &&
    segment
      .replace(price.text, '')
      .replace(PRICE_PREPOSITION, '')
      .replace(/\([^)]*\)/g, '')
      .trim() === ''
  );
}

const OPEN = '([（【［';
const CLOSE = ')]）】］';

/**
 * A title's segments and the separators between them. A separator inside brackets is part of its
 * segment: "$350 (Portland - Sellwood)" is one place, not "$350 (Portland" and "Sellwood)".
 */
export function splitSegments(text: string): { parts: string[]; seps: string[] } {
  const parts: string[] = [];
  const seps: string[] = [];
  let from = 0;
  // Bracket depth up to `scanned`, kept as the matches go on (one pass over the text).
  let depth = 0;
  let scanned = 0;
  for (const m of text.matchAll(new RegExp(SEPARATOR.source, 'gu'))) {
    for (; scanned < m.index; scanned++) {
      if (OPEN.includes(text[scanned]!)) depth++;
      else if (CLOSE.includes(text[scanned]!) && depth > 0) depth--;
    }
    if (depth > 0) continue;
    parts.push(text.slice(from, m.index).trim());
    seps.push(m[0]);
    from = m.index + m[0].length;
  }
  parts.push(text.slice(from).trim());
  for (; scanned < text.length; scanned++) {
    if (OPEN.includes(text[scanned]!)) depth++;
    else if (CLOSE.includes(text[scanned]!) && depth > 0) depth--;
  }
  // A bracket never closed ("Desk (oak | eBay") says nothing of where segments are: every separator counts.
  if (depth > 0) return { parts: text.split(SEPARATOR).map((p) => p.trim()), seps: [...text.matchAll(new RegExp(SEPARATOR.source, 'gu'))].map((m) => m[0]) };
  return { parts, seps };
}

// A breadcrumb trail put before a title: "Home > Phones > Samsung > Galaxy S21 FE", "Ana Sayfa » Elektronik » …".
const CRUMB_ARROW = /\s*(?:>|»|›|→|＞)\s*/u;
const MAX_CRUMB = 40;
// The first crumb of a trail, in the languages of the sites read: a trail that opens with it is one however short.
const HOME_CRUMB =
  /^(home|start|startseite|accueil|inicio|início|página inicial|ana sayfa|strona główna|главная|首页|首頁|主页|ホーム|홈|trang chủ|beranda|होम|मुख्य पृष्ठ)$/iu;

/**
 * The title less a breadcrumb trail before it. A trail is two arrows or more between short crumbs, or
 * one after a "Home" crumb; an item's own name seldom holds two ">" (the last crumb, the item, is kept).
 */
export function withoutBreadcrumb(text: string): string {
  const crumbs = text.split(CRUMB_ARROW);
  if (crumbs.length < 2 || !crumbs.slice(0, -1).every((c) => c.trim().length > 0 && c.length <= MAX_CRUMB)) return text;
  if (crumbs.length < 3 && !HOME_CRUMB.test(crumbs[0]!.trim())) return text;
  return crumbs[crumbs.length - 1]!.trim() || text;
}

// A <title> that names a page by its number only ("Listing 6620194", "Ad #2291", "İlan No 1088342"): no item's name.
const ID_ONLY =
  /^(listing|ad|advert|advertisement|item|post|product|offer|lot|anzeige|annonce|anuncio|anúncio|annuncio|ilan|İlan|ogłoszenie|oferta|объявление|商品|物件|帖子|게시물)\s*(no\.?|nr\.?|#|n[º°])?\s*[:#]?\s*\d+$/iu;
export const isIdOnlyTitle = (text: string): boolean => ID_ONLY.test(text.trim());

/**
 * A title without the site's name, marketing tails, icon glyphs and login prompts. Segments are
 * dropped from the ends only: "Nikon F3 - 35mm body | eBay" keeps "Nikon F3 - 35mm body".
 */
export function cleanTitle(raw: string | undefined, siteNames: readonly string[]): string | undefined {
  const text = cleanText(raw);
  if (!text || LOGIN_ONLY.test(text)) return undefined;
  const { parts, seps } = splitSegments(withoutBreadcrumb(text));
  // A trade post's subject ("[WTS] … - 95 USDT", "【出】… - 3200") is the seller's own words, price and all.
  const ownSubject = TRADE_SUBJECT.test(text);
  const drop = (p: string) => p === '' || isSiteName(p, siteNames) || JUNK_SEGMENT.test(p) || (!ownSubject && isPriceTail(p));
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && drop(parts[end - 1]!)) end--;
  while (end - start > 1 && drop(parts[start]!)) start++;
  if (end - start === 1 && drop(parts[start]!) && parts.length > 1) return undefined;
  // Rejoin what is left with the separators it had.
  let out = parts[start]!;
  for (let i = start + 1; i < end; i++) out += seps[i - 1]! + parts[i]!;
  const cleaned = cleanText(out);
  if (!cleaned || isSiteName(cleaned, siteNames) || LOGIN_ONLY.test(cleaned) || isIdOnlyTitle(cleaned)) return undefined;
  return cleaned;
}

// Names of an <h1> (or the block it opens) that heads something other than the item: the shop, the category, the site's brand.
const OTHER_HEADING_NAMES = new Set([
  'shop',
  'store',
  'storefront',
  'category',
  'categories',
  'brand',
  'logo',
  'site',
  'kategori',
  'categoria',
  'kategorie',
  'catégorie',
  'rubrik',
]);
/**
 * A heading that names the kind of page, the same over every item ("Product details", 商品详情,
 * "Ad details"): an app or a template's page heading, with the item's name in an element below it.
 */
export const GENERIC_HEADING =
  /^(product|item|listing|ad|advert|offer|goods|post)( (details?|information|info|description|page|overview))$|^(details?|description|overview)$|^(produktdetails|artikeldetails|anzeigendetails|détails (du produit|de l'annonce)|detalles del (producto|anuncio)|detalhes do (produto|anúncio)|dettagli (del )?prodotto|szczegóły (produktu|ogłoszenia)|商品(详情|詳情|信息|資訊|介绍|介紹)|宝贝详情|寶貝詳情|详情|詳情|物品详情|商品の詳細|商品詳細|상품 ?정보|상품 ?상세)$/i;
const ITEM_NAMES = new Set(['product', 'item', 'listing', 'ad', 'offer', 'goods', 'post', 'title']);

/**
 * Whether an <h1> names the shop, the category or the site rather than the item ("h1.shop-name",
 * `<div class="category-head"><h1>Smartphones</h1>`, a mobile site's "h1.m-brand"): such pages
 * show the item's title in an <h2> or a <div> below. Its own names or those of the block it opens
 * say so, with no word for the item beside them.
 */
export function headsOtherThanItem(h1: Element): boolean {
  if (GENERIC_HEADING.test(cleanText(elementText(h1)) ?? '')) return true;
  const parent = h1.parent as Element | null;
  const opens = parent?.type === 'tag' && parent.children.find((c) => c.type === 'tag') === h1;
  for (const el of opens ? [h1, parent] : [h1]) {
    const tokens = nameTokens(el);
    if (tokens.some((t) => OTHER_HEADING_NAMES.has(t)) && !tokens.some((t) => ITEM_NAMES.has(t))) return true;
  }
  return false;
}

/** The page's first <h1> that is not in a menu, a login box or another block that is not the listing, nor names the shop or category. */
export function headingElement(page: Page): Element | undefined {
  const all = page.tags('h1').filter((h) => !headsOtherThanItem(h));
  return all.find((h) => !page.excluded(h) && cleanText(page.$(h).text())) ?? all.find((h) => cleanText(page.$(h).text()));
}

/** The text of the first <h1> that names the shop, category or site (headsOtherThanItem), if any: a <title> saying the same names no item. */
export function otherHeadingText(page: Page): string | undefined {
  const h = page.tags('h1').find(headsOtherThanItem);
  return h ? cleanText(page.$(h).text()) : undefined;
}

// What a site puts after a title it appends to: a separator, a bracket, a price, "for sale", a place.
const BREAK = /^\s*($|[|｜\-–—:·•»_,/(（[【]|(for sale|in|at|near|w|à|en|im|à vendre|zu verkaufen)\s)/i;

/**
 * Whether `inner`, where `outer` holds it, ends where a site's addition would begin: "Desk" in "Desk
 * - $150 (Brooklyn)" does, "Apple iPhone 13" in "Apple iPhone 13 128GB Midnight" does not (a
 * catalog's name for the model, shorter than the listing's title). Where the texts differ past
 * letters and digits, it is taken to.
 */
function endsAtBreak(outer: string, inner: string): boolean {
  const o = outer.normalize('NFKC').toLowerCase();
  const i = inner.normalize('NFKC').toLowerCase().trim();
  const at = o.indexOf(i);
  if (at < 0) return true;
  const after = o.slice(at + i.length);
  // Han, kana and hangul run on without spaces: there a title is appended to without one too.
  return BREAK.test(after) || isPriceTail(after.trim()) || /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(after);
}

/**
 * The title the sources agree on. Each candidate is backed by the others that contain it (a site
 * appends to a title; it seldom prepends a different one), so "Desk" that og:title, <h1> ("Desk
 * $150 (Brooklyn)") and <title> all hold wins over the <h1> itself; among equals the better source
 * wins. A cut-off title ("Long title…") gives way to a candidate that holds it whole.
 */
export function chooseTitle(candidates: readonly TitleCandidate[]): TitleCandidate | undefined {
  const keyed = candidates.map((c) => ({ c, key: comparable(c.text.replace(ELLIPSIS, '')), cut: ELLIPSIS.test(c.text) })).filter((k) => k.key.length > 0);
  let best: { c: TitleCandidate; score: number } | undefined;
  keyed.forEach((k, i) => {
    if (k.cut && keyed.some((o) => o !== k && !o.cut && o.key.length > k.key.length && o.key.startsWith(k.key))) return;
    // A fragment (a category, one word of the title) is not backed by the title that holds it.
    const backers = keyed.filter(
      (o) => o !== k && o.c.origin !== k.c.origin && o.key.includes(k.key) && k.key.length >= o.key.length * 0.3 && endsAtBreak(o.c.text, k.c.text),
    ).length;
    // A title of a word or two ("闲鱼", "Telegram") is more often the site's or app's name than an item's.
    const score = backers * 10 - i - (k.key.length < 5 && keyed.length > 1 ? 5 : 0);
    if (!best || score > best.score) best = { c: k.c, score };
  });
  if (!best) return undefined;
  // "【SONY 索尼】WH-1000XM5…" in og:title beside an <h1> without the bracket: the bracket is the
  // listing's own tag (brand, 現貨, 送料無料, 出售), shown beside the heading, not a site's addition.
  const chosen = comparable(best.c.text);
  return candidates.find((c) => BRACKET_TAG.test(c.text) && comparable(c.text.replace(BRACKET_TAG, '')) === chosen) ?? best.c;
}
