import type { Element } from 'domhandler';
import { elementText } from './element-text.js';
import { isNoise, nameTokens } from './noise.js';
import type { Page } from './page.js';
import { findPrices, parsePrice, type Price } from './price.js';
import { cleanText } from './text.js';

/**
 * The price a page shows when its structured data gives none: in price markup (Amazon's
 * `.a-price .a-offscreen`, `itemprop=price` anywhere, elements whose class, id or test id says
 * price), after a price label ("Price:", 一次付清特價, 售价), or written in the post's text. Struck
 * prices (<s>, <del>, "was", 原价), unit prices (元/平米) and starting bids give way to the price
 * shown as the one to pay; of those, the one nearest after the title wins.
 */

const PRICE_NAME = /price|prc$|preis|prix|precio|preco|prezzo|cena|jiage|jiaqian|amount|cost/;
const STRUCK_NAME = new Set([
  'old',
  'was',
  'original',
  'orig',
  'list',
  'regular',
  'before',
  'strike',
  'strikethrough',
  'crossed',
  'retail',
  'msrp',
  'compare',
  'market',
  'origin',
  'yuanjia',
  'del',
  'through',
  'rrp',
  'srp',
]);
const SIDE_NAME = new Set([
  'unit',
  'per',
  'avg',
  'average',
  'installment',
  'monthly',
  'shipping',
  'delivery',
  'postage',
  'fee',
  'deposit',
  'tax',
  'range',
  'filter',
  'slider',
  'min',
  'max',
]);
const STRUCK_TAGS = new Set(['s', 'del', 'strike']);
const STARTING = /starting (bid|price)|opening bid|start(ing)? at|起拍|起价|起價|startpreis|prix de départ|precio inicial/i;
const CURRENT = /current bid|buy it now|now\b|当前价|當前價|目前出價|现价|現價|特價|特价|一口价/i;
// Latin labels stand as words; Chinese ones run into the words before them (一次付清特價).
const LABEL =
  /(?:(?<!\p{L})(?:price|precio|preço|prix|preis|cena|prezzo|fiyat|цена|current bid|buy it now|sale price|our price)(?!\p{L})|价格|價格|售价|售價|特价|特價|一口价|现价|現價|租金|总价|總價|优惠价|優惠價|团购价|團購價)\s*[:：]?\s*/giu;

const struck = (el: Element): boolean =>
  STRUCK_TAGS.has(el.name) ||
  /line-through/i.test(el.attribs.style ?? '') ||
  el.attribs['data-a-strike'] === 'true' ||
  nameTokens(el).some((t) => STRUCK_NAME.has(t));

/** Whether the element or one of its nearest ancestors (the price's own box) is a struck price. */
function isStruck(el: Element): boolean {
  let n: Element | null = el;
  for (let i = 0; n && n.type === 'tag' && i < 4; i++, n = n.parent as Element | null) if (struck(n)) return true;
  return false;
}

function priceNamed(el: Element): boolean {
  const a = el.attribs;
  // Most elements say nothing of a price: one test of their raw names before any splitting.
  if (
    !/pri?ce?|prc|preis|prix|precio|preco|prezzo|cena|jia|amount|cost/i.test(
      `${a.class ?? ''} ${a.id ?? ''} ${a['data-testid'] ?? ''} ${a['data-test'] ?? ''} ${a.itemprop ?? ''}`,
    )
  )
    return false;
  const tokens = nameTokens(el);
  const extra = `${el.attribs['data-testid'] ?? ''} ${el.attribs['data-test'] ?? ''} ${el.attribs.itemprop ?? ''}`.toLowerCase();
  return tokens.some((t) => PRICE_NAME.test(t)) || /price/.test(extra);
}

interface Candidate {
  readonly price: Price;
  readonly score: number;
}

// Past this many price elements (nearest the title first) the rest are other items' prices.
const MAX_CANDIDATES = 40;

/** Price elements of the page, each read from its own text less struck children. */
function priceElements(page: Page, titleOrder: number): Candidate[] {
  const { $ } = page;
  const offscreen = new Set($('.a-price .a-offscreen').toArray());
  const all = page
    .elements()
    .filter(
      (el) =>
        (offscreen.has(el) || el.attribs.itemprop === 'price' || el.attribs.itemprop === 'lowPrice' || priceNamed(el)) &&
        !page.excluded(el) &&
        !page.inOthers(el) &&
        !isStruck(el),
    );
  // Nearest the title first: those after it by distance, then those before it.
  const near = all
    .map((el) => ({ el, at: page.order(el) }))
    .sort((a, b) => (a.at > titleOrder !== b.at > titleOrder ? (a.at > titleOrder ? -1 : 1) : Math.abs(a.at - titleOrder) - Math.abs(b.at - titleOrder)))
    .slice(0, MAX_CANDIDATES);
  const out: Candidate[] = [];
  for (const { el, at } of near) {
    // Read without struck parts, so a box of "was $149 now $119" reads $119.
    const text = el.attribs.content ?? cleanText(elementText(el, (c) => isNoise(c) || struck(c))) ?? '';
    if (text.length > 200) continue;
    const price = parsePrice(text, { bare: true, region: page.region });
    if (!price || Number(price.amount) <= 0) continue;
    const tokens = nameTokens(el);
    const context = `${text} ${cleanText($(el).prev().text())?.slice(0, 60) ?? ''} ${ownText(el.parent as Element | null)}`;
    let score = offscreen.has(el) || el.attribs.itemprop ? 12 : 10;
    if (tokens.some((t) => SIDE_NAME.has(t)) || price.unit === '平米') score -= 8;
    if (STARTING.test(context)) score -= 5;
    if (CURRENT.test(context)) score += 2;
    if (!price.marked && !/[万萬亿億]/.test(price.text)) score -= 3;
    if (text.length <= 40) score += 1;
    if (titleOrder >= 0) score += at > titleOrder ? 3 * Math.max(0, 1 - (at - titleOrder) / 400) : -2;
    out.push({ price, score: score - at / 1e6 });
  }
  return out;
}

/** The text directly inside an element (not its children's). */
function ownText(el: Element | null): string {
  if (!el || !el.children) return '';
  return el.children
    .filter((c) => c.type === 'text')
    .map((c) => (c as unknown as { data: string }).data)
    .join(' ')
    .slice(0, 80);
}

/** "Price: 1200", "一次付清特價 294 元": the first amount within a few words after a price label. */
export function labelledPrice(text: string, region: string | null): Price | undefined {
  for (const m of text.matchAll(LABEL)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const price = parsePrice(after.split(/\n/)[0]!, { bare: true, region });
    if (price && Number(price.amount) > 0 && !STARTING.test(text.slice(Math.max(0, m.index - 20), m.index + m[0].length))) return price;
  }
  return undefined;
}

/** The first money written with its currency ("51,500 €", "1600元", "五毛一张") in a text. */
export function priceInText(text: string | undefined, region: string | null): Price | undefined {
  return text ? findPrices(text, { region }).find((p) => Number(p.amount) > 0) : undefined;
}

/** The price the page shows: markup first, then a labelled price in the page's text. */
export function findPriceInPage(page: Page, titleElement: Element | undefined, pageText: string): Price | undefined {
  const candidates = priceElements(page, titleElement ? page.order(titleElement) : -1);
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  if (best && best.score > 0) return best.price;
  return labelledPrice(pageText, page.region);
}
