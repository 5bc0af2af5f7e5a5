import { saysSiteTemplate } from './boilerplate.js';
import { cleanText, comparable } from './text.js';

/**
 * Whether a block's text is the listing's facts rather than its description: a buy box or a header
 * of short lines (a price, a place and date, "Ships from … Sold by …", a seller's name and badges,
 * "12-month warranty"), none of them a sentence. A photo-only ad has nothing else near its title,
 * and such a block is then what scores highest; it says nothing the other fields do not.
 * A description of one short line stands: only a block of several such lines, or one line of facts
 * joined by separators ("Posted 2 days ago · Leeds · Ad ID 7712"), is facts.
 */
export function isFactsBlock(text: string, title?: string): boolean {
  // (The title, which a buy box repeats over its price, is no line of the block's own.)
  const titleKey = title ? comparable(title) : '';
  const lines = text
    .split('\n')
    .map((l) => cleanText(l))
    .filter((l): l is string => l !== undefined && !(titleKey && titleKey.includes(comparable(l))));
  if (lines.length === 0) return false;
  if (lines.some(isProseLine)) return false;
  return lines.length >= 2 || isSeparatedFacts(lines[0]!);
}

// Han, kana and hangul say in one character what Latin says in about two.
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const weighted = (s: string) => s.length + (s.match(DENSE)?.length ?? 0);
// A line this long is prose whatever it ends with; a shorter one must end as a sentence does.
const LONG_LINE = 70;
const MIN_SENTENCE = 25;
const SENTENCE_END = /[.!?。！？…]$/;

function isProseLine(line: string): boolean {
  // "Tax included. Shipping calculated at checkout." is the shop's template, not a sentence about the item.
  if (saysSiteTemplate(line)) return false;
  const n = weighted(line);
  return n >= LONG_LINE || (n >= MIN_SENTENCE && SENTENCE_END.test(line));
}

const SEPARATOR = /\s+[·•|｜]\s+/;
const MAX_FACT_WORDS = 6;

/** One line of three or more short parts joined by a dot or bar, one of them with a figure (a date, an id, a postcode). */
function isSeparatedFacts(line: string): boolean {
  const parts = line.split(SEPARATOR);
  return parts.length >= 3 && parts.every((p) => p.split(/\s+/).length <= MAX_FACT_WORDS) && parts.some((p) => /\d/.test(p));
}
