import type { AnyNode, Element } from 'domhandler';
import { elementText, shownTextOver } from './element-text.js';
import { isFurniture } from './furniture.js';
import { isNoise, nameTokens } from './noise.js';
import type { Page } from './page.js';
import {
  ACCOUNT_PATH,
  CARD_WORDS,
  GENERIC,
  HEADING,
  isNameWord,
  LABEL,
  MEMBER_SINCE,
  ON_SITE_SINCE,
  PROFILE_LINK_WORDS,
  PROFILE_PATH,
  VISIT_SHOP,
  SELLER_ATTRIBUTE_WORDS,
  SELLER_KIND,
  SELLER_WORDS,
  STORE_SUFFIX,
  TAIL,
} from './seller-words.js';
import { cleanText } from './text.js';

/**
 * Who sells, read as a person reads it: a labelled field ("Sold by", "Vendido por", 卖家, 店家,
 * 發布人, 出品者), an element whose class says seller name, a seller card's first line, a link to
 * the seller's profile or shop, a store's name (…旗舰店). Each way gives a candidate with a weight
 * for how seldom it is wrong; the heaviest wins, the first of equals. A brand is not a seller: it is
 * never used.
 */

interface Candidate {
  readonly name: string;
  readonly weight: number;
}

/** A name as it can stand alone: one line, no counts or buttons after it, 2–60 characters. */
export function cleanSellerName(raw: string | undefined): string | undefined {
  const line = raw
    ?.split('\n')
    .map((l) => l.trim())
    .find(Boolean);
  // A sentence's full stop goes ("Ships from and sold by Amazon.com."); an abbreviation's and an initial's stay (Co., Ltd., "Ole H.").
  const name = cleanText(line?.replace(TAIL, '').replace(/(?<!\b(co|ltd|inc|corp|llc|bhd|gmbh|s\.a|jr|sr|[a-z]))[.。,，:：]+$/i, ''));
  // A card read whole after a heading that is itself a label ("<h2>Seller</h2><div><span>Seller</span> <a>Owen R.</a></div>")
  // repeats the label before the name: the label goes.
  const label = name ? LABEL.exec(name) : null;
  if (name && label && /[\s:：]$/.test(label[0]) && label[0].length < name.length && !HEADING.test(name)) return cleanSellerName(name.slice(label[0].length));
  // A phone number, a count, a heading or a button is not a name.
  if (
    !name ||
    name.length < 2 ||
    name.length > 60 ||
    /^[\d\s.,%()+-]+$/.test(name) ||
    (name.match(/\d/g)?.length ?? 0) >= 7 ||
    /https?:/i.test(name) ||
    // A sentence (林远舟，生于大连…): a name holds no Chinese comma or full stop.
    /[，。！？；]/.test(name) ||
    GENERIC.test(name) ||
    PROFILE_LINK_WORDS.test(name) ||
    HEADING.test(name) ||
    SELLER_KIND.test(name) ||
    // A label with nothing after it, or only the kind of seller ("Listed by private user").
    (LABEL.test(name) && (name.replace(LABEL, '') === '' || SELLER_KIND.test(name.replace(LABEL, ''))))
  )
    return undefined;
  return name;
}

/** The first line of a block that can stand as a name (a card's lines: heading, name, ratings, buttons). */
function firstName(text: string | undefined): string | undefined {
  for (const line of (text ?? '').split('\n').slice(0, 6)) {
    const name = cleanSellerName(line);
    if (name) return name;
  }
  return undefined;
}

// Spaces between Han characters that a table spaces a label with ("联 系 人：", "卖\u3000\u3000家：").
const HAN_SPACING = /(?<=\p{Script=Han})\s+(?=[\p{Script=Han}:：])/gu;
/** A text collapsed: whitespace runs to one space, none between Han characters. */
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim().replace(HAN_SPACING, '');

/** The text directly inside an element, collapsed (asked of every element the reader visits: no arrays). */
const ownText = (el: Element) => {
  let out = '';
  for (const c of el.children) if (c.type === 'text') out += (c as unknown as { data: string }).data;
  return out === '' ? out : collapse(out);
};

const textOf = (el: AnyNode | null | undefined): string | undefined => (el && el.type === 'tag' ? elementText(el as Element) : undefined);

const nextTag = (n: AnyNode | null): Element | null => {
  for (let s = n?.nextSibling ?? null; s; s = s.nextSibling) if (s.type === 'tag') return s as Element;
  return null;
};

const prevTag = (n: AnyNode | null): Element | null => {
  for (let s = n?.previousSibling ?? null; s; s = s.previousSibling) if (s.type === 'tag') return s as Element;
  return null;
};

/**
 * What follows a label within the element: the rest of the label's own text node (collapsed) and
 * the element right after that node. The element's own text joined up would run the label on into
 * words after a child ("Seller: <a>name</a> (312 ratings)" reads "Seller: (312 ratings)").
 */
function afterLabel(el: Element, labelLength: number): { rest: string; next: Element | null } | undefined {
  for (const c of el.children) {
    if (c.type !== 'text') continue;
    const text = collapse((c as unknown as { data: string }).data);
    if (!text) continue;
    return text.length < labelLength ? undefined : { rest: text.slice(labelLength).trim(), next: nextTag(c) };
  }
  return undefined;
}

// A link to an author's page: a book's or an article's 作者/author, who wrote it, not who sells it.
const AUTHOR_PATH = /\/(authors?|writers?|zuozhe)\/|[?&](field-)?author=/i;
const isAuthorLink = (n: AnyNode | null | undefined) => n?.type === 'tag' && (n as Element).name === 'a' && AUTHOR_PATH.test((n as Element).attribs.href ?? '');
/** Whether a label's element, or the element after it, is or directly holds a link to an author's page (asked only of labels). */
const linksToAuthor = (el: Element | null): boolean => Boolean(el && (isAuthorLink(el) || el.children.some(isAuthorLink)));

/**
 * The first part of an element that shows text: its own leading words, or its first child that
 * shows any. A value cell opens with the name and goes on with badges, counts and links
 * ("<td>老K数码卡密 <span>已认证</span> <a>举报</a></td>", "<td><a>greyledger</a> (4.92 ★, 1,318 sales)</td>").
 */
function leadingText(el: Element | null): string | undefined {
  if (!el) return undefined;
  for (const c of el.children) {
    if (c.type === 'text') {
      const text = collapse((c as unknown as { data: string }).data);
      if (text) return text;
    } else if (c.type === 'tag') {
      const text = textOf(c)?.trim();
      if (text) return text;
    }
  }
  return undefined;
}

/** The name a label introduces: in its own text, in its own children, in the next element, or next to its parent. */
function labelledName(el: Element, own: string): Candidate | undefined {
  if (HEADING.test(own)) {
    const name = firstName(textOf(nextTag(el))) ?? (el.parent && el.parent.type === 'tag' ? firstName(textOf(nextTag(el.parent))) : undefined);
    return name ? { name, weight: 7 } : undefined;
  }
  const m = LABEL.exec(own);
  if (!m || linksToAuthor(el) || linksToAuthor(nextTag(el))) return undefined;
  const after = afterLabel(el, m[0].trimEnd().length);
  const rest = after ? after.rest : own.slice(m[0].length);
  // A label stands alone or ends in a colon ("卖家中心" and "Seller's other items" are not labels); only "sold by X" runs on.
  if (rest && !/[:：]\s*$/.test(m[0]) && !/^(sold|ships|posted|listed|offered|vendido|vendu|verkauft|venduto|verkocht)/i.test(m[0])) return undefined;
  // "<span>Seller</span> <span>Private seller</span>", 发布人：个人卖家: the field's value is only the kind of seller.
  // The page says who sells and names nobody; the lines after it (a "Make offer" button) are no name either.
  // (A line that runs on, "Listed by private user", is a card's caption: the name may follow it.)
  const value = rest ? undefined : firstLineOf(textOf(after?.next ?? nextTag(el)));
  if (value && SELLER_KIND.test(value)) return { name: NO_NAME, weight: LABELLED_MAX };
  const name =
    cleanSellerName(rest) ??
    // The element right after the label's words: "Seller: <a>name</a> (312 ratings)" names the link, not the count.
    (after?.next ? cleanSellerName(textOf(after.next)) : undefined) ??
    cleanSellerName(
      el.children
        .filter((c) => c.type === 'tag')
        .map(textOf)
        .find((t) => t && t.trim()),
    ) ??
    cleanSellerName(leadingText(nextTag(el))) ??
    cleanSellerName(textOf(nextTag(el))) ??
    // "<a>王晓明</a><span>经纪人</span>": a role tag after the name.
    (!nextTag(el) ? cleanSellerName(textOf(prevTag(el))) : undefined) ??
    (el.parent && el.parent.type === 'tag' && ownText(el.parent as Element) === '' ? cleanSellerName(textOf(nextTag(el.parent))) : undefined);
  return name ? { name, weight: 10 } : undefined;
}

/**
 * The name over a "member since" line ("Fernanda S." above "Na OLX desde janeiro de 2017"): the
 * element just before the line, or its parent's first line when the line has no element before it
 * (the name in the parent's own text). Sites with hashed class names name neither part.
 */
function nameOverMemberSince(el: Element, own: string): Candidate | undefined {
  const sinceLine = (text: string) => MEMBER_SINCE.test(text) || ON_SITE_SINCE.test(text);
  if (own.length > 80 || !sinceLine(own)) return undefined;
  const before = prevTag(el);
  // (Read with side-by-side spans apart: "<span>Johanna L</span><span>Privatperson</span>" is two lines.)
  const lines = (n: Element) => elementText(n, isNoise, true);
  const name = before ? firstName(lines(before)) : el.parent && el.parent.type === 'tag' ? firstName(lines(el.parent as Element)) : undefined;
  return name && !sinceLine(name) ? { name, weight: MEMBER_WEIGHT } : undefined;
}

// A shop card is a few lines: a name, a rating, counts, the button.
const MAX_CARD_CHARS = 200;

/**
 * The name in the card of a "visit shop" button ("查看賣場", 进店逛逛, "Ver loja"): the card's first
 * line that can stand as a name. The card is the nearest ancestor with a line besides the button.
 */
function nameBesideShopButton(el: Element, own: string, titleElement: Element | undefined): Candidate | undefined {
  if (own.length > 20 || !VISIT_SHOP.test(own)) return undefined;
  for (let p = el.parent as Element | null, i = 0; p && p.type === 'tag' && i < 3; p = p.parent as Element | null, i++) {
    // A box that holds the listing's title is its buy box, not a seller's card: its first line is the item's ("Only 3 left").
    if (shownTextOver(p, MAX_CARD_CHARS) || (titleElement && holds(p, titleElement))) return undefined;
    const name = firstName(elementText(p, isNoise, true));
    if (name) return { name, weight: SHOP_BUTTON_WEIGHT };
  }
  return undefined;
}

/**
 * Whether a link is a step of a breadcrumb trail (a list item inside an element named for the
 * breadcrumb): a category, even where the site files categories under /store/ (PChome). A shop's
 * name that a breadcrumb bar shows beside the trail is not in its list, and still counts.
 */
function inCrumbTrail(a: Element): boolean {
  const item = a.parent as Element | null;
  if (!item || item.type !== 'tag' || item.name !== 'li') return false;
  for (let p = item.parent as Element | null, i = 0; p && p.type === 'tag' && i < 3; p = p.parent as Element | null, i++)
    if (/crumb/i.test(`${p.attribs.class ?? ''} ${p.attribs.id ?? ''}`)) return true;
  return false;
}

const ROWS = new Set(['table', 'tbody', 'thead', 'tr', 'ul', 'ol', 'dl', 'select', 'form']);

/** Tokens of an element's class, id and naming attributes (sites with hashed class names name things in data-testid). */
const tokensOf = (el: Element) => nameTokens(el);

/** What an element's names say of it: a seller's name (seller-name, shopName, user-nick), or a seller card that holds one. */
function namedCandidate(el: Element): Candidate | undefined {
  const tokens = tokensOf(el);
  if (!tokens.some((t) => SELLER_WORDS.has(t)) || shownTextOver(el, 400)) return undefined;
  // A table or list named for the shop (WooCommerce's shop_attributes) holds rows of data, not a name, unless its name says name.
  if (ROWS.has(el.name) && !tokens.some(isNameWord)) return undefined;
  const text = elementText(el);
  if (text.length > 400) return undefined;
  // A part of the seller's card that is about the seller, not the name (nick_level, seller-rating, user-avatar).
  if (tokens.some((t) => SELLER_ATTRIBUTE_WORDS.has(t))) return undefined;
  if (tokens.some(isNameWord) || tokens.length === 1) {
    const name = cleanSellerName(text);
    // One word that says name (nickname, username) is as plain as two; one that says only seller or user is vaguer.
    if (name) return { name, weight: tokens.length === 1 && !tokens.some(isNameWord) ? 5 : 8 };
  }
  // A block named for the seller (seller-card, page-product__shop) opens with the seller's name, read
  // with side-by-side spans apart ("<span>Anna</span><span>Private seller</span>" is two lines).
  const name = firstName(elementText(el, isNoise, true));
  if (name) return { name, weight: tokens.some((t) => CARD_WORDS.has(t)) || tokens.length === 1 ? 5 : 4 };
  return undefined;
}

/** A sidebar: classifieds (OLX, Avito, Kijiji, Gumtree) put the seller's card in the column beside the ad. */
const isSidebar = (el: Element) => el.name === 'aside' || el.attribs.role === 'complementary' || /(^|\s)sidebar(\s|$)/.test(el.attribs.class ?? '');

/**
 * The page header holds a shop's name on a marketplace's shop-branded item page (Taobao, Tmall), and
 * a sidebar the seller's card; nav and footer never do.
 */
function navOrFooter(el: Element): boolean {
  return (
    el.name === 'nav' ||
    el.name === 'footer' ||
    el.name === 'menu' ||
    (isFurniture({ name: el.name, attribs: el.attribs }) && !isSidebar(el) && !/header|crumb/i.test(`${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`))
  );
}

/**
 * Whether an element is in nav or footer furniture, memoized through its ancestors (menus are
 * hundreds of elements) in a byte per element by its place in document order (0 not asked, 1 no, 2 yes).
 */
function inNavOrFooter(page: Page, memo: Uint8Array, el: AnyNode | null): boolean {
  if (!el || el.type !== 'tag') return false;
  const at = page.order(el as Element);
  if (at >= 0 && memo[at] !== 0) return memo[at] === 2;
  const answer = inNavOrFooter(page, memo, el.parent) || navOrFooter(el as Element);
  if (at >= 0) memo[at] = answer ? 2 : 1;
  return answer;
}

// The heaviest weight each way can give (labelledName, profile links, namedCandidate, store suffix):
// once a candidate that heavy is found, a later one of that way cannot win, and is not read.
const LABELLED_MAX = 10;
const PROFILE_NEAR = 9;
const PROFILE_FAR = 6;
const NAMED_MAX = 8;
const STORE_WEIGHT = 5;
const MEMBER_WEIGHT = 7;
const SHOP_BUTTON_WEIGHT = 7;

export function findSeller(page: Page, titleElement: Element | undefined): string | undefined {
  const titleOrder = titleElement ? page.order(titleElement) : -1;
  const furniture = new Uint8Array(page.elements().length);
  const body = page.tags('body')[0];
  if (!body) return undefined;
  // The heaviest candidate so far; of equals, the first.
  let best: Candidate | undefined;
  const add = (c: Candidate | undefined, penalty: number) => {
    if (c && c.name && (!best || c.weight - penalty > best.weight)) best = { name: c.name, weight: c.weight - penalty };
  };
  const beats = (weight: number) => !best || weight > best.weight;
  page.walk(body, (el, at) => {
    // Scripts and styles hold no names; what follows holds for a block and everything in it.
    if (el.type !== 'tag') return false;
    // Nothing later can outweigh a labelled name.
    if (!beats(LABELLED_MAX)) return false;
    const excluded = page.excluded(el);
    // The page's header or a shop bar may be excluded as furniture and still name the shop; the weight says it.
    if (excluded && (inNavOrFooter(page, furniture, el) || page.inOthers(el) || page.inNoiseSection(el))) return false;
    const penalty = excluded ? 2 : 0;
    const own = ownText(el);
    if (own && own.length <= 80) add(labelledName(el, own), penalty);
    if (beats(NAMED_MAX) && !page.inOthers(el)) add(namedCandidate(el), penalty);
    if (own && beats(MEMBER_WEIGHT) && !page.inOthers(el)) add(nameOverMemberSince(el, own), penalty);
    if (own && beats(SHOP_BUTTON_WEIGHT) && !page.inOthers(el)) add(nameBesideShopButton(el, own, titleElement), penalty);
    // A profile link soon after the title is the listing's seller; one far off may be anyone's.
    const profileWeight = titleOrder >= 0 && at > titleOrder && at - titleOrder <= 60 ? PROFILE_NEAR : PROFILE_FAR;
    if (
      beats(profileWeight) &&
      el.name === 'a' &&
      el.attribs.href &&
      PROFILE_PATH.test(el.attribs.href) &&
      !ACCOUNT_PATH.test(el.attribs.href) &&
      !page.inOthers(el) &&
      !inCrumbTrail(el)
    ) {
      const name = cleanSellerName(elementText(el) || el.attribs.title);
      if (name) add({ name, weight: profileWeight }, penalty);
    }
    if (beats(STORE_WEIGHT) && own && own.length <= 30 && STORE_SUFFIX.test(own)) add({ name: cleanSellerName(own) ?? '', weight: STORE_WEIGHT }, penalty);
    return true;
  });
  return best?.name === NO_NAME ? undefined : best?.name;
}

// What a labelled seller field that names only the kind of seller gives: no name, and it outweighs guesses.
const NO_NAME = '\u0000';

const firstLineOf = (text: string | undefined) => cleanText(text?.split('\n').find((l) => l.trim()));

/** Whether `outer` is or contains `inner`. */
function holds(outer: Element, inner: Element): boolean {
  for (let n: AnyNode | null = inner; n; n = n.parent) if (n === outer) return true;
  return false;
}
