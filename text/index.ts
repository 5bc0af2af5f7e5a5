// Character folding shared by the classifier and masking: how a seller's spelling of a character
// (full-width, traditional, look-alike, invisible) reads once folded.
export * from './char-fold.js';
export * from './chinese-digits.js';
