// The one listing extraction, used by the crawl, by report intake and by the extension.
export * from './extract-listing.js';
export * from './furniture.js';
export { looksLikeListingUrl } from './listing-url.js';
export { parsePrice, findPrices, type Price } from './price.js';
