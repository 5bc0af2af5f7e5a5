// The one listing extraction, used by the crawl, by report intake and by the extension.
export * from './extract-listing.js';
export * from './furniture.js';
export { looksLikeListingUrl } from './listing-url.js';
export { parseHtml, type ParsedHtml } from './page.js';
export { parsePrice, findPrices, type Price } from './price.js';
