import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

// Stemming costs ~2 µs a word; listings reuse a small vocabulary, so a bounded cache makes it free.
const MAX_CACHED = 50_000;
const cache = new Map<string, string>();
/**
 * Longer words are kept as they are: no English word is this long, and the stemmer's regular
 * expressions backtrack in time quadratic in the word's length (a 64 Ki-letter run took 16 s).
 */
export const MAX_STEMMED_LENGTH = 40;

/** English stem of a Latin word (selfies → selfi, verified → verifi); other words come back as they are. */
export function stemWord(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = word.length > 3 && word.length <= MAX_STEMMED_LENGTH ? PorterStemmer.stem(word) : word;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(word, s);
  }
  return s;
}
