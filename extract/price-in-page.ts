import type { Element } from 'domhandler';
import { elementText, isBlock, shownTextOver, textLengthOver } from './element-text.js';
import { isNoise } from './noise.js';
import type { Page } from './page.js';
import { findPrices, parsePrice, type Price } from './price.js';
import {
  CONVERTED,
  CURRENT,
  DISCOUNT,
  isCentsPart,
  isPromoName,
  isSideName,
  isStruck,
  priceNamed,
  SIDE_WORDS,
  STARTING,
  struck,
  WAS_LABEL,
} from './price-words.js';
import { cleanText, comparable } from './text.js';

/**
 * The price a page shows when its structured data gives none: in price markup (Amazon's
 * `.a-price .a-offscreen`, `itemprop`/RDFa `price` anywhere, elements whose class, id or test id
 * says price), in an element soon after the title that holds nothing but an amount (sites with
 * hashed class names), after a price label ("Price:", 一次付清特價, 售价), or in the post's text.
 * Struck prices (<s>, <del>, "was", 原价, the higher one of a box that shows a discount), side
 * costs (shipping, "with delivery", instalments), unit prices (元/平米) and starting bids give way
 * to the price shown as the one to pay; of those, the one nearest after the title wins.
 */

// Latin labels stand as words; Chinese ones run into the words before them (一次付清特價).
const LABEL =
  /(?:(?<!\p{L})(?:price|precio|preço|prix|preis|cena|prezzo|fiyat|цена|ціна|current bid|buy it now|sale price|our price)(?!\p{L})|价格|價格|售价|售價|特价|特價|一口价|现价|現價|租金|总价|總價|优惠价|優惠價|团购价|團購價|価格|販売価格)\s*[:：]?\s*/giu;

interface Candidate {
  readonly el: Element;
  readonly price: Price;
  score: number;
  readonly box: Element;
  readonly boxText: string;
  /** Whether the words before it make it a side cost (shipping, instalments). */
  readonly side: boolean;
}

// Past this many price elements (nearest the title first) the rest are other items' prices.
const MAX_CANDIDATES = 40;
// An element that holds only an amount counts this far (in elements) after the title.
const BARE_REACH = 150;
// The most text a price's box (the element and its label) holds.
const BOX_CHARS = 150;

/** The text directly inside an element (not its children's). */
const ownText = (el: Element | null): string =>
  el?.children
    ? el.children
        .filter((c) => c.type === 'text')
        .map((c) => (c as unknown as { data: string }).data)
        .join(' ')
        .slice(0, 80)
    : '';

/** The price's box: its largest ancestor (up to three levels) whose text is still short, with that text. */
function boxOf(el: Element): { box: Element; text: string } {
  let box = el;
  let text = cleanText(elementText(el)) ?? '';
  let p = el.parent as Element | null;
  for (let i = 0; p && p.type === 'tag' && i < 3; i++, p = p.parent as Element | null) {
    // (A price set straight in a large block would have the block's whole text read, for each price.)
    if (shownTextOver(p, BOX_CHARS)) break;
    const t = cleanText(elementText(p)) ?? '';
    if (t.length > BOX_CHARS) break;
    box = p;
    text = t;
  }
  return { box, text };
}

// A currency written somehow: a symbol, a Han/kana unit, or a code or abbreviation in capitals. A cheap test before the price parser.
const CURRENCY_MARK = /[$€£¥￥₩₹₽₴₺₫฿₱元円块塊毛万萬刀]|zł|kr|lei|Kč|руб|грн|лв|[A-Z]{2,3}|Rs|Rp|[Ee]uro|[Dd]ollar|\d\s?[Uu](?![A-Za-z])/;

/**
 * A link without a digit inside a price's element is an action beside the amount ("18.500 TL <a>Price
 * history</a>", "Make an offer"), not part of it: the amount is read without it.
 */
const isActionLink = (el: Element) => el.name === 'a' && !/\d/.test(elementText(el));
const skipInPrice = (el: Element) => isNoise(el) || isActionLink(el);

/** An element that may show an amount alone: short inline text with a digit, not in a link (links with prices are other items). */
function mayHoldOnlyAmount(el: Element): boolean {
  if (el.children.some((c) => c.type === 'tag' && isBlock(c as Element)) || textLengthOver(el, 200)) return false;
  const text = elementText(el, skipInPrice);
  if (text.length > 40 || !/\d/.test(text) || !CURRENCY_MARK.test(text)) return false;
  for (let p: Element | null = el, i = 0; p && p.type === 'tag' && i < 5; p = p.parent as Element | null, i++) if (p.name === 'a') return false;
  return true;
}

/** Whether an element's whole text is one amount with its currency, give or take a short label ("¥12.9券后价"). */
function holdsOnlyAmount(text: string, price: Price): boolean {
  if (!price.marked || text.length > 40) return false;
  const rest = comparable(text.replace(price.text, ''));
  return rest.length <= 4 || CURRENT.test(text);
}

// (A substring test first: it is asked of every element.)
const hasClass = (el: Element | null, name: string) => el?.attribs?.class?.includes(name) === true && el.attribs.class.split(/\s+/).includes(name);
/** Amazon's `.a-price .a-offscreen`: the amount for screen readers, read whole where the shown one is split in spans. */
function isOffscreenPrice(el: Element): boolean {
  if (!hasClass(el, 'a-offscreen')) return false;
  for (let p = el.parent as Element | null; p && p.type === 'tag'; p = p.parent as Element | null) if (hasClass(p, 'a-price')) return true;
  return false;
}

/** An element beside the amount that holds another price under its label ("发售价 ¥799", "RRP £49"): not part of the amount. */
const isWasLabelled = (el: Element) => el.children.length <= 4 && WAS_LABEL.test(elementText(el));

/**
 * The text of a price element, less struck parts and prices labelled as others: "¥|749|起|发售价 ¥799" reads
 * "¥749起". Cents set apart without their mark ("R$ 2.449<span class=cents>90</span>") get it back:
 * the mark the integer part does not use for thousands.
 */
function amountText(el: Element): string {
  let cents = '';
  const skip = (c: Element) => {
    if (skipInPrice(c) || struck(c) || isWasLabelled(c)) return true;
    if (!cents && isCentsPart(c)) cents = elementText(c).trim();
    return false;
  };
  const text = cleanText(elementText(el, skip)) ?? '';
  if (!/^\d{1,2}$/.test(cents)) return text;
  const at = text.lastIndexOf(cents);
  if (at <= 0 || !/\d/.test(text[at - 1]!)) return text;
  const mark = /\d\.\d{3}(?!\d)/.test(text.slice(0, at)) ? ',' : '.';
  return `${text.slice(0, at)}${mark}${text.slice(at)}`;
}

function candidates(page: Page, titleOrder: number): Candidate[] {
  const { $ } = page;
  const marked = (el: Element) => isOffscreenPrice(el) || /(^|\s|:)(price|lowPrice)$/.test(el.attribs.itemprop ?? el.attribs.property ?? '');
  // Menus, other items and others' words hold no price of the listing's, nor does anything inside them.
  const usable = (el: Element) => !page.excluded(el) && !page.inOthers(el) && !page.inNoiseSection(el);
  const all: { el: Element; at: number }[] = [];
  page.walk(null, (el, at) => {
    if (el.type !== 'tag' || !usable(el)) return false;
    // The cheap tests first: most elements are neither named for a price nor near the title.
    const near = titleOrder >= 0 && at > titleOrder - 30 && at - titleOrder <= BARE_REACH;
    // (The cents of an amount are part of it, not an amount: its box is read whole.)
    if ((marked(el) || priceNamed(el) || (near && mayHoldOnlyAmount(el))) && !isStruck(el) && !isCentsPart(el)) all.push({ el, at });
    return true;
  });
  // Nearest the title first: those after it by distance, then those before it.
  const near = all.sort((a, b) =>
    a.at > titleOrder !== b.at > titleOrder ? (a.at > titleOrder ? -1 : 1) : Math.abs(a.at - titleOrder) - Math.abs(b.at - titleOrder),
  );
  const out: Candidate[] = [];
  for (const { el, at } of near) {
    if (out.length >= MAX_CANDIDATES) break;
    // Read without struck parts, so a box of "was $149 now $119" reads $119.
    const text = el.attribs.content ?? amountText(el);
    if (text.length > 200) continue;
    const price = parsePrice(text, { bare: true, region: page.region });
    if (!price || Number(price.amount) <= 0) continue;
    const named = marked(el) || priceNamed(el);
    // An unnamed element counts only when it holds an amount alone; its own text is part of it (not a child's).
    if (!named && !(holdsOnlyAmount(text, price) && el.parent?.type === 'tag')) continue;
    const { box, text: boxText } = boxOf(el);
    // (An amount whose cents got their mark back is found in the box by its text as shown.)
    const shownAt = boxText.indexOf(price.text);
    const place = shownAt >= 0 ? shownAt : boxText.indexOf(cleanText(elementText(el, skipInPrice)) ?? price.text);
    const before = boxText.slice(Math.max(0, place - 40), Math.max(0, place));
    const label = `${before} ${cleanText($(el).prev().text())?.slice(0, 60) ?? ''} ${ownText(el.parent as Element | null)} ${el.attribs['aria-label'] ?? ''} ${(el.parent as Element | null)?.attribs?.['aria-label'] ?? ''}`;
    let score = marked(el) ? 12 : named ? 10 : 7;
    if (isSideName(el) || price.unit === '平米') score -= 8;
    const side = SIDE_WORDS.test(before) || CONVERTED.test(before);
    if (side) score -= 6;
    if (STARTING.test(label)) score -= 5;
    if (WAS_LABEL.test(text) || WAS_LABEL.test(label.trim())) score -= 8;
    if (CURRENT.test(label) || CURRENT.test(text)) score += 2;
    if (isPromoName(el)) score += 2;
    if (!price.marked && !/[万萬亿億]/.test(price.text)) score -= 3;
    if (text.length <= 40) score += 1;
    // The price a page shows first is set big, its symbol and digits in separate spans (¥ | 12 | .9).
    if (el.children.filter((c) => c.type === 'tag').length >= 2 && text.length <= 20 && findPrices(text, { bare: true }).length === 1) score += 2;
    // After the title is where prices stand; mobile layouts put the price just above it.
    if (titleOrder >= 0) score += at > titleOrder ? 3 * Math.max(0, 1 - (at - titleOrder) / 400) : at > titleOrder - 30 ? 1 : -2;

    out.push({ el, price, score: score - at / 1e6, box, boxText, side });
  }
  return out;
}

/**
 * A box that shows a discount ("-48%", "39%折扣") and two amounts: the higher one is the price
 * before the discount, drawn struck by a style sheet the page does not carry.
 */
function demoteWasPrices(found: Candidate[]): void {
  for (const c of found) {
    if (!DISCOUNT.test(c.boxText)) continue;
    // (Not a shipping fee beside it, nor a part of its own amount.)
    const lower = found.some(
      (o) =>
        o !== c &&
        !o.side &&
        !contains(c.el, o.el) &&
        Number(o.price.amount) < Number(c.price.amount) &&
        (c.box.children.includes(o.el) || o.box === c.box || c.box === o.el || contains(c.box, o.el)),
    );
    if (lower) c.score -= 6;
  }
}

/**
 * A price box and the element inside it that holds the same amount (`.a-price` around its
 * `.a-offscreen`): the inner one reads the amount cleanly, and takes the box's standing. A bare
 * number inside a box with a currency is a part of the box's amount, not a price.
 */
function preferInner(found: Candidate[]): Candidate[] {
  const dropped = new Set<Candidate>();
  for (const a of found)
    for (const b of found) {
      if (a === b || a.el === b.el || !contains(a.el, b.el)) continue;
      if (a.price.amount === b.price.amount) {
        b.score = Math.max(a.score, b.score);
        dropped.add(a);
        // A bare number inside a box whose amount has its currency is a part of that amount ("2.449" of R$ 2.449,90).
      } else if (a.price.marked && !b.price.marked && a.price.text.includes(b.price.text)) dropped.add(b);
    }
  return found.filter((c) => !dropped.has(c));
}

const contains = (outer: Element, inner: Element) => {
  for (let p: Element | null = inner; p; p = p.parent as Element | null) if (p === outer) return true;
  return false;
};

// A quantity beside a price: a wholesale tier ("100 - 999 pieces", "2-99个", "≥1000个").
const QUANTITY = /\d\s*(pieces?|pcs|units?|sets?|pairs?|件|个|個|套|张|張|台|只|箱|条|條)|≥|>=|起批|min\.? order/i;

/**
 * Wholesale pages list a price per quantity tier, in rows alike: the listing's price is the lowest,
 * as a range's low end or an AggregateOffer's lowPrice is.
 */
function lowestTier(best: Candidate, found: readonly Candidate[]): Candidate {
  let row: Element | null = best.el;
  for (let i = 0; row && row.parent && row.parent.type === 'tag' && i < 4; i++, row = row.parent as Element) {
    const kind = (e: Element) => `${e.name}.${e.attribs.class ?? ''}`;
    const rows = (row.parent as Element).children.filter((c): c is Element => c.type === 'tag' && kind(c as Element) === kind(row!));
    if (rows.length < 2) continue;
    if (!rows.every((r) => QUANTITY.test(elementText(r)))) return best;
    // The tier's quantity ("2-99个") reads as a number too; it is not a price.
    const tiers = found.filter((c) => c.score > 0 && !QUANTITY.test(elementText(c.el)) && rows.some((r) => contains(r, c.el)));
    return tiers.reduce((low, c) => (Number(c.price.amount) < Number(low.price.amount) ? c : low), best);
  }
  return best;
}

/** "Price: 1200", "一次付清特價 294 元": the first amount within a few words after a price label. */
export function labelledPrice(text: string, region: string | null): Price | undefined {
  for (const m of text.matchAll(LABEL)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const price = parsePrice(after.split(/\n/)[0]!, { bare: true, region });
    const before = text.slice(Math.max(0, m.index - 20), m.index + m[0].length);
    if (price && Number(price.amount) > 0 && !STARTING.test(before) && !SIDE_WORDS.test(text.slice(m.index, m.index + m[0].length + 20))) return price;
  }
  return undefined;
}

/** The price the page shows: markup first, then a labelled price in the page's text. */
export function findPriceInPage(page: Page, titleElement: Element | undefined, pageText: () => string): Price | undefined {
  const found = candidates(page, titleElement ? page.order(titleElement) : -1);
  demoteWasPrices(found);
  const ranked = preferInner(found).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (best && best.score > 0) return lowestTier(best, ranked).price;
  return labelledPrice(pageText(), page.region);
}
