// What the browser extension's highlighter takes from the classifier: the rules and the lexicon,
// the same code the server runs, without the model or anything that reads files.
export * from './rules/analyze.js';
export * from './rules/offer.js';
export * from './evidence.js';
export * from './lexicon/build.js';
// Approved terms (the server's GET /api/v1/lexicon), so the highlighter marks them too.
export { parseOverlay, type LexiconOverlay } from './lexicon/overlay.js';
