import type { TextField } from '../../contracts/index.js';
import type { Lexicon } from '../lexicon/load.js';
import { analyzeListing } from '../rules/analyze.js';
import { namesAProduct, readOffer } from '../rules/offer.js';
import type { CorpusItem } from './schema.js';

type Rand = () => number;

/** A word nobody uses: two random CJK characters, or five random letters. */
function pseudoWord(han: boolean, rand: Rand): string {
  if (han) return String.fromCharCode(0x4e00 + Math.floor(rand() * 0x51a5), 0x4e00 + Math.floor(rand() * 0x51a5));
  return Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
}

/**
 * The listing with every coded term the lexicon knows swapped for a word nobody uses: what a market
 * looks like after its words were filtered and it moved to new ones. Training on such copies makes the
 * model weigh what the listing says it sells (the offer's structure, its sale terms) and not only the
 * jargon it knows. A positive copy is kept only if its offer can still be read from the rest of the
 * text; null when there is no term to swap or nothing left to read.
 */
export function maskJargon(lexicon: Lexicon, item: CorpusItem, rand: Rand): CorpusItem | null {
  const hits = analyzeListing(lexicon, item).hits.filter((h) => h.entry?.kind === 'term');
  if (hits.length === 0) return null;
  const out: CorpusItem = { ...item, id: `${item.id}~masked`, newJargon: item.label !== 'benign' };
  for (const field of ['title', 'description'] as const satisfies readonly TextField[]) {
    const text = item[field];
    if (text === undefined) continue;
    const ranges = merge(hits.filter((h) => h.field === field).map((h) => [h.start, h.end] as [number, number]));
    let masked = text;
    for (const [s, e] of ranges.reverse()) masked = masked.slice(0, s) + pseudoWord(/\p{Script=Han}/u.test(text.slice(s, e)), rand) + masked.slice(e);
    out[field] = masked;
  }
  if (item.label === 'benign') return out;
  return namesAProduct(readOffer(analyzeListing(lexicon, out))) ? out : null;
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}
