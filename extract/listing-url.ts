/**
 * Whether a URL looks like one listing's page rather than a list of them: the paths marketplaces
 * give item pages (/itm/…, /dp/ASIN, /listing/123, /item/…, /offer/…, /d/oferta/…, a post on t.me,
 * a path ending in a long number). Used for start URLs of sites whose config names no
 * listingUrlPattern: such a page is extracted as a listing, and its links are followed too.
 */
const LISTING_PATH = [
  /\/itm\//i,
  /\/items?\/[^/]+/i,
  /\/listings?\/\d+/i,
  /\/dp\/[A-Z0-9]{10}\b/,
  /\/gp\/product\//i,
  /\/products?\/[^/]+/i,
  /\/product-detail\//i,
  /\/(offer|oferta|offers|ogloszenie|annonce|anuncio|ad|ads)\/[^/]+/i,
  /\/post(s)?\/\d+/i,
  /\/prod\/[A-Z0-9-]{6,}/i,
  /\/pid\/\d+/i,
  /\/deals?\/[^/]+/i,
  /\/(ershoufang|zufang|chuzu|ershou|fang)\/[^/]*\d{4,}/i,
  /\/[a-z]?\d{6,}\.s?html?$/i,
  /\/[^/]*\d{6,}[^/]*\/?$/,
];
const TELEGRAM_POST = /^\/(s\/)?[A-Za-z0-9_]{3,}\/\d+\/?$/;

export function looksLikeListingUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (/^(t\.me|telegram\.me)$/i.test(u.hostname)) return TELEGRAM_POST.test(u.pathname);
  return LISTING_PATH.some((p) => p.test(u.pathname));
}
