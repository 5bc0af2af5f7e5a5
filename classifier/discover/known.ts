import type { Lexicon } from '../lexicon/load.js';
import { normalize } from '../normalize/normalize.js';

/**
 * Whether the lexicon already reads a unit: one of its forms or coded spellings, or a sound-alike its
 * homophone matcher hears, covers the whole unit. Asked through the lexicon's own matchers, so an
 * overlay's approved terms count as known too.
 */
export function isKnownUnit(lexicon: Lexicon, key: string): boolean {
  const text = normalize(key, lexicon.emoji).text;
  const bare = text.replaceAll(' ', '').length;
  let known = false;
  const onHit = (h: { start: number; end: number }) => {
    if (text.slice(h.start, h.end).replaceAll(' ', '').length === bare) known = true;
  };
  lexicon.phrases.match(text, onHit);
  if (!known) lexicon.homophones.match(text, onHit);
  return known;
}
