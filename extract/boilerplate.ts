import { findPrices } from './price.js';
import { comparable } from './text.js';

/**
 * Descriptions a site writes for every page from one template ("Find many great new & used options
 * and get the best deals for … at the best online prices at eBay!", "…为您提供…信息"): they say
 * nothing about the listing, so they are no description. A page alone cannot show its template is
 * shared, so this goes by the template's words, and by what is left once the title and the site's
 * name are taken out.
 */
const TEMPLATE_WORDS = [
  /find many great new (&|and) used options/i,
  /get the best deals/i,
  /best online prices/i,
  /free shipping (for|on) (many|all|most)/i,
  /shop with confidence/i,
  /find complete details about/i,
  /supplier or manufacturer/i,
  /\bbuy\b.{0,120}\bon (alibaba|amazon|ebay|etsy|aliexpress)\b/i,
  /\bonline shopping\b/i,
  /\b(discover|browse|explore|shop) (millions|thousands|great deals|the best|our (wide|huge|great))\b/i,
  /\b(lowest|best|great) prices? (on|guaranteed)\b/i,
  /\bshop (now|today) (at|on)\b/i,
  /\bcheck out our\b/i,
  /\bexplore this (post|item|listing|product|page) and more\b/i,
  // A shop template's line beside every price.
  /\b(tax(es)? included|incl(\.|uding) (vat|tax(es)?))\b.{0,40}\bshipping\b|\bshipping calculated at checkout\b|\binkl\. mwst\.?,? zzgl\. versand/i,
  // A status the site puts where a description would be.
  /^this (item|listing|product) is (currently )?(no longer available|unavailable|sold out)\.?$/i,
  // A site counting its sellers or listings ("from millions of stylists", "Более 100 000 объявлений").
  /\b(millions|thousands) of (stylists|sellers|buyers|listings|items|products|ads|brands|styles)\b/i,
  /\b(miles|millones) de (anuncios|productos|vendedores)\b|\b(milhares|milhões) de (anúncios|produtos|vendedores)\b/i,
  /\b(tausende|millionen) (von )?(anzeigen|angeboten?|artikeln?|produkten?)\b/i,
  /(более|свыше) \d[\d\s]* (объявлени|товар)/i,
  /为您提供/,
  // A shop's SEO line listing what the page has: 图片、参数、评论、晒单等信息, 正品行货.
  /(图片|圖片|参数|參數|评论|評論|晒单|曬單|报价|報價)、(图片|圖片|参数|參數|评论|評論|晒单|曬單|报价|報價)/,
  /提供.{0,20}正品行货/,
  /為您提供/,
  /欢迎(来到|光临|访问)/,
  /歡迎(來到|光臨|蒞臨)/,
  /免费(发布|查询)/,
  /免費(刊登|查詢)/,
  /分类信息/,
  /分類資訊/,
  /就上.{1,10}(网|網)/,
  /尽在.{1,10}(网|網)/,
  /盡在.{1,10}(網|网)/,
  /(网上|網路|线上|線上)(购物|購物)/,
  /正品(保障|低价)/,
  /(最新|大量|海量|真实|真實)(的)?.{0,6}(房源|信息|资讯|資訊|二手房)/,
  /买卖.{0,6}(平台|网站)/,
  /(专业|專業)的.{0,10}(平台|网站|網站)/,
];

/** Whether a text says the words of a site's template about itself (为您提供, 专业的…平台, "online shopping"): a slogan, never a listing's. */
export const saysSiteTemplate = (text: string): boolean => TEMPLATE_WORDS.some((w) => w.test(text));

/**
 * Whether a meta description is the site's boilerplate rather than the listing's: template words,
 * or next to nothing once the title and the site's names are taken out, or the title itself.
 */
export function isBoilerplate(description: string, title: string | undefined, siteNames: readonly string[]): boolean {
  if (saysSiteTemplate(description)) return true;
  const whole = comparable(description);
  if (!whole) return true;
  const t = title ? comparable(title) : '';
  if (t && t.includes(whole)) return true;
  let rest = t ? whole.split(t).join('') : whole;
  const named = siteNames.some((n) => {
    const key = comparable(n);
    const found = key.length >= 3 && rest.includes(key);
    if (found) rest = rest.split(key).join('');
    return found;
  });
  // "Amazon.com: <title> : Electronics" leaves a category word; a listing's own description leaves its sentences.
  return named && rest.length < 30;
}

const BIGGEST = String.raw`(최대|最大|крупнейш\p{L}*|terbesar|lớn nhất|ใหญ่ที่สุด|أكبر|en büyük|größte\p{L}*|più grande|más grande|maior)`;
const SITE_KIND = String.raw`(카페|커뮤니티|장터|마켓|플랫폼|사이트|市场|市場|平台|社区|社區|网站|網站|サイト|доск\p{L}*|площадк\p{L}*|сайт\p{L}*|komunitas|situs|chợ|trang|ตลาด|เว็บ|موقع|سوق|pazar|site|plattform|marktplatz|mercado|mercato)`;

/**
 * Words of a site's own line about a page ("Buy … online at Lazada", "Discount up to 50%", 立即購物,
 * 选购, 闲置交易平台, 지금 쿠팡에서 … 확인해보세요): a summary the page does not show that says them is
 * the site speaking, not the seller. Said by sellers too, so only asked of a summary the page never
 * shows (summary.ts), where a listing's own words would be its description held back for scripts.
 */
const SITE_LINE_WORDS = [
  /^(buy|beli|jual|kup|compra|comprar|achetez|acheter|kaufen|bestel)(?!\p{L})|^(购买|購買)/iu,
  /\b(shop|order|buy) (now|today|online)\b|\bonline (at|on|from)\b|\bfor sale (in|on|at)\b/i,
  /\b(discount (up to|prices?)|up to \d+ ?% off|(great|best|top) deals|deals on|promo(tion)?s?|wholesale|suppliers?|manufacturers?)\b/i,
  // Free delivery, instalments, "order now" and "millions of products" in the site's languages.
  /env[ií]os? gr[aá]tis|frete gr[aá]tis|livraison gratuite|kostenlose[nr]? versand|darmowa dostawa|spedizione gratuita|gratis (verzending|bezorging|frakt|levering|ongkir)|fri frakt|cuotas sin inter[eé]s|parcel(e|as) sem juros|mill(ions|ones|ões) (of|de) (products|productos|produtos)|ofertas y promociones/i,
  /\b(bestel|koop|jetzt|commandez|ordina|compre|pesan) (nu|vandaag|bestellen|kaufen|maintenant|ora|já|sekarang)\b|\btoko online\b/i,
  /\b(best|lowest|great|cheap) prices?\b|\bfree (shipping|delivery)\b|\bofficial (store|site)\b/i,
  // A count of the page's votes, comments or reviews ("Posted by u/… - 3 votes and 7 comments").
  /^posted by\b|\b\d[\d,.]*\s*(votes?|comments?|likes?|reviews?|ratings?|answers?|views?)\b/i,
  /\b(trusted|largest|leading|no\.? ?1)\b.{0,40}\b(marketplace|classifieds|platform|site)\b/i,
  // The site calling itself the biggest of its kind, in its own language and word order (대한민국 최대 중고거래 카페,
  // крупнейшая доска объявлений, komunitas jual beli terbesar).
  new RegExp(`${BIGGEST}\\s?.{0,30}${SITE_KIND}|${SITE_KIND}.{0,30}${BIGGEST}`, 'iu'),
  /选购|選購|立即(购物|購物|购买|購買)|折扣|优惠|優惠|免运|免運|包邮|包郵|网购|網購|平台|供应商|供應商|采购商|好东西|快来|一起拼/u,
  /最大級|通販|フリマアプリ|オークションサイト|확인해\s?보세요|최저가|별점|리뷰\s?\d/u,
];
// A site's domain written as its name ("Allegro.pl", "京东JD.COM", "Jiji.ng"). Not an e-mail address or
// a link (seller@mail.com, www.shop.com/…): sellers write those, and their descriptions are no site line.
const DOMAIN = /(?<![@/.\w-])[a-z0-9-]+\.(com|net|org|pl|ng|in|de|fr|jp|cn|tw|hk|my|ph|sg|id|kr|ru|ua|br|co\.uk|com\.[a-z]{2})(?![/@.\w-])/i;

/**
 * Whether a meta summary reads as the site's line rather than the seller's words: it names the site
 * (past the title it may repeat), or says a site's marketing words.
 */
export function readsAsSiteLine(summary: string, title: string | undefined, siteNames: readonly string[]): boolean {
  if (SITE_LINE_WORDS.some((w) => w.test(summary)) || DOMAIN.test(summary) || isFactsLine(summary)) return true;
  const t = title ? comparable(title) : '';
  // The title restated with its price ("Jual <title> dengan harga Rp1.250.000 dari …"): the site's card of the listing.
  if (t.length >= 10 && comparable(summary).includes(t) && findPrices(summary).length > 0) return true;
  const rest = t ? comparable(summary).split(t).join('') : comparable(summary);
  return siteNames.some((n) => comparable(n).length >= 3 && rest.includes(comparable(n)));
}

// What a site joins a listing's facts with: " · ", " | ", " - ", " • ", " / ".
const FACT_SEPARATOR = /\s+[·•|｜/–—-]\s+|\s*[·•|｜]\s*/u;
// A fact is a few words; a seller's sentence is longer or ends in a full stop.
const MAX_FACT_WORDS = 8;

/** Whether a part is a price and nothing else ("4 500 kr", "AED 2,300", "1.250 €"). */
function isPriceOnly(part: string): boolean {
  const price = findPrices(part)[0];
  return price !== undefined && comparable(part.replace(price.text, '')) === '';
}

/**
 * Whether a summary is the site's card of the listing's facts: a price and a few short facts (a
 * place, a category) joined by separators, "4 500 kr · Uppsala", "AED 2,300 | Office Furniture |
 * Dubai Marina, Dubai". A seller writes sentences, not a row of labels.
 */
export function isFactsLine(summary: string): boolean {
  const parts = summary
    .split(FACT_SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2 || parts.length > 6 || !parts.some(isPriceOnly)) return false;
  return parts.every((p) => p.split(/\s+/).length <= MAX_FACT_WORDS && !/[.!?。！？]$/.test(p));
}
