import { cleanText } from './text.js';

// Separators between a title and what sites append to it ("Item | eBay", "Item - Buy … on Alibaba.com", "Item_百姓网", "二手房-链家").
export const SEPARATOR = /\s+[|｜\-–—:·•»]\s+|\s*[|｜_]\s*|\s+-\s*|(?<=[\p{Script=Han})）])-(?=\p{Script=Han})/u;
const SITE_WORD = /(网|網|商城|集市|市集|市场|市場|购物|購物|拍卖|拍賣|\.(com|net|org|cn|tw|hk|jp|de|fr|pl|nl|co\.uk|in|pk)|market(place)?|shop|store|mall)$/i;

/** The last part of a <title> when it reads as a site's name ("北京百姓网", "PChome 24h購物", "Example.com"). */
export function titleSiteName(title: string | undefined): string | undefined {
  const parts = cleanText(title)?.split(SEPARATOR) ?? [];
  const last = parts.length > 1 ? parts[parts.length - 1]!.trim() : '';
  return last.length > 0 && last.length <= 30 && SITE_WORD.test(last) ? last : undefined;
}
