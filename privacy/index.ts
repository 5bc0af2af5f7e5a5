// Masking of ID, phone and bank card numbers in everything shown, searched or exported.
export * from './mask.js';
export * from './evidence-text.js';
