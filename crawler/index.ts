// Fetching pages politely and safely: the guarded HTTP client, the browser pool, robots.txt, per-host
// politeness, links and canonical URLs, site configs. What is done with a page lives in pipeline/.
export * from './canonical-url.js';
export * from './fetch-page.js';
export * from './fetch/browser-pool.js';
export * from './fetch/http-client.js';
export { detectCharset, decodeBody } from './fetch/charset.js';
export * from './links.js';
export * from './politeness/host-gate.js';
export * from './render-learning.js';
export * from './robots.js';
export * from './site-config.js';
export * from './conditional-fetch.js';
