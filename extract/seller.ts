import type { AnyNode, Element } from 'domhandler';
import { elementText } from './element-text.js';
import { nameTokens } from './noise.js';
import type { Page } from './page.js';
import { cleanText } from './text.js';

/**
 * Who sells, read as a person reads it: a labelled field ("Sold by", "Vendido por", 卖家, 店家,
 * 發布人, 经纪人), a link to the seller's profile or shop, or an element whose class says seller.
 * A brand is not a seller: it is never used.
 */

// A label at the start of an element's own text; the name follows it, or sits in the next element.
const LABEL = new RegExp(
  String.raw`^(?:sold and shipped by|ships from and sold by|sold & shipped by|sold by|seller|posted by|listed by|offered by|supplier|` +
    String.raw`vendido por|vendedor|anunciante|vendu par|vendeur|annonceur|verkauft von|verkauft durch|verkäufer|anbieter|sprzedawca|sprzedający|` +
    String.raw`venditore|venduto da|verkoper|verkocht door|vânzător|satıcı|продавец|продавець|` +
    String.raw`卖家|賣家|店家|商家|店铺|店鋪|商铺|商舖|发布人|發布人|发布者|發佈者|發布者|联系人|聯絡人|聯繫人|经纪人|經紀人|房东|房東|卖主|賣主|掌柜|供应商|供應商|廠商|厂商|店名)` +
    String.raw`(?:名称|名稱|名字|昵称|暱稱|姓名|name)?\s*[:：]?\s*`,
  'i',
);
// A heading over a seller card: the name is the card's first line.
const HEADING =
  /^(about (this|the) seller|seller information|seller info|meet your sellers?|賣家資訊|卖家信息|店家資訊|店家资讯|商家信息|店铺信息|店鋪資訊)\s*[:：]?$/i;
const PROFILE_PATH =
  /\/(usr|str|shop|shops|seller|sellers|store|stores|profile|profiles|user|users|u|member|members|people|vendor|vendors|uzytkownik|agent|agents|broker|jingjiren|dianpu|company_profile)\/[^/?#]+|\/company_profile\.html|[?&](seller|sellerid|seller_id|me|uid|userid|user_id)=/i;
const ACCOUNT_PATH = /login|signin|sign-in|register|signup|account|settings|messages|cart|help|logout|mine|\/my\b|myebay|feedback|follow/i;
// What sellers' names are followed by: feedback counts and scores, "Visit store", 进入店铺.
const TAIL =
  /\s*(\(\s*[\d,.]+\s*\)|[\d.,]+%\s*(positive|好评).*|\d+(\.\d+)?\s*(stars?|星).*|visit (the )?(store|shop).*|contact (the )?seller.*|see (other|all) items.*|进入店铺.*|联系(卖家|他|她)?.*|關注.*|关注.*|follow.*|top rated.*| and (fulfilled|shipped|delivered) by.*|[|·•]\s.*)$/i;
const GENERIC =
  /^(visit|view|see|contact|shop|store|profile|more|all|other|follow|message|chat|ask|więcej|inne|mehr|weitere|alle|voir|plus|ver|más|mais|altri|查看|进入|進入|联系|聯絡|关注|關注|店铺|店鋪|更多|其他)(\s|$)/i;
const SELLER_NAME = new Set([
  'seller',
  'vendor',
  'merchant',
  'shopname',
  'storename',
  'broker',
  'agent',
  'author',
  'owner',
  'user',
  'username',
  'nickname',
  'poster',
  'advertiser',
  'sellername',
  'shop',
  'store',
  'company',
  'supplier',
]);

/** A name as it can stand alone: one line, no counts or buttons after it, 2–60 characters. */
export function cleanSellerName(raw: string | undefined): string | undefined {
  const line = raw
    ?.split('\n')
    .map((l) => l.trim())
    .find(Boolean);
  // A sentence's full stop goes ("Ships from and sold by Amazon.com."); an abbreviation's stays (Co., Ltd.).
  const name = cleanText(line?.replace(TAIL, '').replace(/(?<!\b(co|ltd|inc|corp|llc|bhd|gmbh|s\.a|jr|sr))[.。,，:：]+$/i, ''));
  // A phone number or a count is not a name.
  if (
    !name ||
    name.length < 2 ||
    name.length > 60 ||
    /^[\d\s.,%()+-]+$/.test(name) ||
    (name.match(/\d/g)?.length ?? 0) >= 7 ||
    /https?:/i.test(name) ||
    GENERIC.test(name) ||
    (LABEL.test(name) && name.replace(LABEL, '') === '')
  )
    return undefined;
  return name;
}

const ownText = (el: Element) =>
  el.children
    .filter((c) => c.type === 'text')
    .map((c) => (c as unknown as { data: string }).data)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

const textOf = (el: AnyNode | null | undefined): string | undefined => (el && el.type === 'tag' ? elementText(el as Element) : undefined);

const nextTag = (n: AnyNode | null): Element | null => {
  for (let s = n?.nextSibling ?? null; s; s = s.nextSibling) if (s.type === 'tag') return s as Element;
  return null;
};

const prevTag = (n: AnyNode | null): Element | null => {
  for (let s = n?.previousSibling ?? null; s; s = s.previousSibling) if (s.type === 'tag') return s as Element;
  return null;
};

/** The name a label introduces: in its own text, in its own children, in the next element, or next to its parent. */
function labelled(page: Page): string | undefined {
  for (const el of page.$('body *').toArray()) {
    if (page.excluded(el)) continue;
    const own = ownText(el);
    if (!own || own.length > 80) continue;
    if (HEADING.test(own)) {
      const name = cleanSellerName(textOf(nextTag(el)));
      if (name) return name;
      continue;
    }
    const m = LABEL.exec(own);
    if (!m) continue;
    const rest = own.slice(m[0].length);
    // A label stands alone or ends in a colon ("卖家中心" and "Seller's other items" are not labels); only "sold by X" runs on.
    if (rest && !/[:：]\s*$/.test(m[0]) && !/^(sold|ships|posted|listed|offered|vendido|vendu|verkauft|venduto|verkocht)/i.test(m[0])) continue;
    const name =
      cleanSellerName(rest) ??
      cleanSellerName(
        el.children
          .filter((c) => c.type === 'tag')
          .map(textOf)
          .find((t) => t && t.trim()),
      ) ??
      cleanSellerName(textOf(nextTag(el))) ??
      // "<a>王晓明</a><span>经纪人</span>": a role tag after the name.
      (!nextTag(el) ? cleanSellerName(textOf(prevTag(el))) : undefined) ??
      (el.parent && el.parent.type === 'tag' && ownText(el.parent as Element) === '' ? cleanSellerName(textOf(nextTag(el.parent))) : undefined);
    if (name) return name;
  }
  return undefined;
}

/** The text of the first link to a profile or shop page after the title (a link to one's own account is not one). */
function profileLink(page: Page, titleOrder: number): string | undefined {
  const links = page
    .$('a[href]')
    .toArray()
    .filter((a) => PROFILE_PATH.test(a.attribs.href!) && !ACCOUNT_PATH.test(a.attribs.href!) && !page.excluded(a) && !page.inOthers(a));
  const after = links.filter((a) => page.order(a) > titleOrder);
  for (const a of [...after, ...links]) {
    const name = cleanSellerName(elementText(a) || a.attribs.title);
    if (name) return name;
  }
  return undefined;
}

/** Tokens of an element's class, id and test ids (sites with hashed class names name things in data-testid). */
const tokensOf = (el: Element) => [
  ...nameTokens(el),
  ...`${el.attribs['data-testid'] ?? ''} ${el.attribs['data-cy'] ?? ''}`
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean),
];

/** An element whose class, id or test id says it is the seller's name (seller-name, shopName, brokerName, user-profile-user-name). */
function namedElement(page: Page): string | undefined {
  for (const el of page.$('[class], [id], [data-testid], [data-cy]').toArray()) {
    const tokens = tokensOf(el);
    if (!tokens.some((t) => SELLER_NAME.has(t)) || page.excluded(el) || page.inOthers(el)) continue;
    if (!tokens.includes('name') && !tokens.some((t) => t.endsWith('name')) && tokens.length > 1) continue;
    const name = cleanSellerName(elementText(el));
    if (name) return name;
  }
  return undefined;
}

export function findSeller(page: Page, titleElement: Element | undefined): string | undefined {
  return labelled(page) ?? namedElement(page) ?? profileLink(page, titleElement ? page.order(titleElement) : -1);
}
