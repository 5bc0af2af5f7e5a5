import type { Lexicon } from '../../lexicon/load.js';
import { normalize } from '../../normalize/normalize.js';

/**
 * When a candidate counts as a writer's term. Both sides are normalized as the rules read text (folded,
 * simplified, lower case, split spellings joined). Spellings with Chinese characters match when equal
 * with spaces dropped, or when one contains the other and the shorter has at least two characters and
 * at least half the length of the longer (蓝本 ~ 蓝本照; 本 or 照 alone never). Latin spellings compare
 * whole words, a plural -s aside: equal (spaces dropped: flip book ~ flipbook), or the shorter's words
 * run inside the longer's and the shorter has at least half its characters (head crate ~ head crates;
 * ios never ~ closet). A candidate matches a term when any of its spellings (term and variants)
 * matches any of the term's.
 */
export interface TermSpellings {
  readonly term: string;
  readonly variants: readonly string[];
}

interface Key {
  readonly han: boolean;
  readonly bare: string;
  readonly words: readonly string[];
}

const HAN = /\p{Script=Han}/u;
const singular = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

export function spellingsMatch(a: Key, b: Key): boolean {
  if (a.bare === '' || b.bare === '') return false;
  if (a.han || b.han) {
    const [short, long] = a.bare.length <= b.bare.length ? [a.bare, b.bare] : [b.bare, a.bare];
    return short === long || (short.length >= 2 && short.length * 2 >= long.length && long.includes(short));
  }
  if (a.words.join('') === b.words.join('')) return true;
  const [short, long] = a.bare.length <= b.bare.length ? [a, b] : [b, a];
  return short.bare.length * 2 >= long.bare.length && ` ${long.words.join(' ')} `.includes(` ${short.words.join(' ')} `);
}

export class TermMatcher {
  private readonly cache = new Map<string, Key>();
  constructor(private readonly lexicon: Lexicon) {}

  key(form: string): Key {
    let k = this.cache.get(form);
    if (k === undefined) {
      const text = normalize(form, this.lexicon.emoji).text.trim();
      const han = HAN.test(text);
      const words = han ? [text.replaceAll(' ', '')] : text.split(' ').filter(Boolean).map(singular);
      this.cache.set(form, (k = { han, bare: text.replaceAll(' ', ''), words }));
    }
    return k;
  }

  /** Indices of every term the candidate matches. */
  allMatches(candidate: TermSpellings, terms: readonly TermSpellings[]): number[] {
    const mine = [candidate.term, ...candidate.variants].map((f) => this.key(f));
    const out: number[] = [];
    terms.forEach((t, i) => {
      if ([t.term, ...t.variants].some((f) => mine.some((m) => spellingsMatch(m, this.key(f))))) out.push(i);
    });
    return out;
  }
}
