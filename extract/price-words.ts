import type { Element } from 'domhandler';
import { nameTokens, rawNames } from './noise.js';

/**
 * What a price element's names and the words beside it say about the price it shows: struck (a
 * list or "was" price), on the side (shipping, a unit price, an instalment), a starting bid, or the
 * price to pay now (sale, promo, 券后价, aktualna cena).
 */

const STRUCK_NAME = new Set([
  'old',
  'was',
  'original',
  'orig',
  'regular',
  'before',
  'strike',
  'strikethrough',
  'crossed',
  'retail',
  'msrp',
  'compare',
  'origin',
  'yuanjia',
  'del',
  'deleted',
  'through',
  'rrp',
  'srp',
]);
// "list" and "market" strike a price only beside "price" (list-price, marketPrice): a price-list is a list of prices.
const STRUCK_RAW = /(list|market|retail)[-_ ]?(price|prc)/i;
export const SIDE_NAME = new Set([
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
  'cart',
  'coupon',
]);
const PROMO_NAME = new Set(['promo', 'promotion', 'sale', 'now', 'current', 'final', 'special', 'deal', 'activity', 'actual', 'pay', 'buy']);
const STRUCK_TAGS = new Set(['s', 'del', 'strike']);

export const STARTING = /starting (bid|price)|opening bid|start(ing)? at|起拍|起价|起價|開始時|startpreis|prix de départ|precio inicial|cena wywoławcza/i;
export const CURRENT =
  /current bid|current price|buy it now|\bnow\b|sale price|deal price|\bsale\b|aktualna cena|当前价|當前價|目前出價|现价|現價|現在|现在|特價|特价|一口价|促销价|促銷價|淘宝价|券后|券後|到手价|到手價|活动价|活動價|折后价|优惠价|優惠價|秒杀价|拼单价|直購價|直购价/i;
// Words just before an amount that make it a side cost or another price: shipping, delivery,
// instalments, the price with delivery, the lowest price of the last 30 days, a saving.
export const SIDE_WORDS =
  /shipping|delivery|postage|versand|livraison|frais de port|envío|spedizione|dostaw|przesyłk|najniższa cena|lowest price|per month|monthly|installment|cuotas|parcelas|mensualit|\braty\b|\braten\b|deposit|you save|save|sem juros|sin intereses|\b\d{1,2} ?x\b(?! ?\d)|运费|運費|邮费|郵費|月供|分期|定金|送料|省/i;
/** Just before an amount: the same price converted into another currency ("0.64 XMR (≈ $119.94)", 约合 ¥850). */
export const CONVERTED = /(≈|~|\bapprox(\.|imately)?|примерно|около|约合|約合|折合|相当于)\s*[:：]?\s*$/iu;
export const DISCOUNT = /(?:-\s?\d{1,2}\s?%|\d{1,2}\s?%\s?(?:off|折扣|rabatu|de réduction|rabatt)|\d(?:\.\d)?\s?折(?!叠))/i;

/**
 * Words that open a price other than the one to pay, written beside it rather than struck: a list,
 * retail or release price ("RRP £49", "UVP 59 €", 原价, 发售价, 吊牌价, 定価).
 */
export const WAS_LABEL =
  /^\s*(was|list price|original price|retail price|rrp|msrp|uvp|statt|antes|avant|原价|原價|发售价|發售價|吊牌价|吊牌價|专柜价|專櫃價|市场价|市場價|建议售价|建議售價|參考價|参考价|定価|参考価格|通常価格)(?!\p{L})/iu;

/** Names of the part of an amount after its decimal mark, set apart in its own element ("2.449<sup class=cents>90</sup>"). */
const CENTS_NAME = new Set(['cents', 'cent', 'decimal', 'decimals', 'fen']);
export const isCentsPart = (el: Element): boolean =>
  // (The cheap tests first: it is asked of every element that may hold a price.)
  el.children.length === 1 &&
  el.children[0]!.type === 'text' &&
  /^\s*\d{1,2}\s*$/.test((el.children[0] as unknown as { data: string }).data) &&
  nameTokens(el).some((t) => CENTS_NAME.has(t));

export const struck = (el: Element): boolean =>
  STRUCK_TAGS.has(el.name) ||
  /line-through/i.test(el.attribs.style ?? '') ||
  el.attribs['data-a-strike'] === 'true' ||
  nameTokens(el).some((t) => STRUCK_NAME.has(t)) ||
  STRUCK_RAW.test(rawNames(el));

/** Whether the element or one of its nearest ancestors (the price's own box) is a struck price. */
export function isStruck(el: Element): boolean {
  let n: Element | null = el;
  for (let i = 0; n && n.type === 'tag' && i < 4; i++, n = n.parent as Element | null) if (struck(n)) return true;
  return false;
}

export const isSideName = (el: Element) => nameTokens(el).some((t) => SIDE_NAME.has(t));
export const isPromoName = (el: Element) => nameTokens(el).some((t) => PROMO_NAME.has(t));

const PRICE_RAW = /pri?ce?|prc|preis|prix|precio|preco|prezzo|cena|jia|amount|cost/i;
const PRICE_NAME = /price|prc$|preis|prix|precio|preco|prezzo|cena|jiage|jiaqian|amount|cost/;

/** Whether an element's names say it holds a price (class, id, itemprop, test ids). */
export function priceNamed(el: Element): boolean {
  const raw = `${rawNames(el)} ${el.attribs.itemprop ?? ''}`;
  // Most elements say nothing of a price: one test of their raw names before any splitting.
  if (!PRICE_RAW.test(raw)) return false;
  return nameTokens(el).some((t) => PRICE_NAME.test(t)) || /price/i.test(el.attribs.itemprop ?? '');
}
