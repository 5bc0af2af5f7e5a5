// DOM helpers the review page and the extension's pages share.
export * from './shared/dom.js';
