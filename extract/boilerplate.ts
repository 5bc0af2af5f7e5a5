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
  /为您提供/,
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

/**
 * Whether a meta description is the site's boilerplate rather than the listing's: template words,
 * or next to nothing once the title and the site's names are taken out, or the title itself.
 */
export function isBoilerplate(description: string, title: string | undefined, siteNames: readonly string[]): boolean {
  if (TEMPLATE_WORDS.some((w) => w.test(description))) return true;
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
