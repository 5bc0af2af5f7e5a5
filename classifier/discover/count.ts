import type { Lexicon } from '../lexicon/load.js';
import { normalize } from '../normalize/normalize.js';
import { eachCleanUnit } from './field-units.js';
import { listingFields, readListing, type ListingReading } from './read-listing.js';
import { TallyBook } from './tally.js';
import type { DiscoveryInput } from './types.js';
import { eachUnit, MAX_NGRAM, MIN_HAN, type UnitKind } from './units.js';

const PROGRESS_EVERY = 5000;

export interface Counted {
  readonly book: TallyBook;
  /** Offer-like listings' readings by index (null for the rest). */
  readonly readings: readonly (ListingReading | null)[];
}

/**
 * Two passes. First every listing is read by the rules, and the units of the offer-like ones are
 * tallied with the slots they stand in; units seen in fewer than `minSupport` offers are dropped.
 * Then the benign listings are only normalized and cut, to count how often each remaining unit
 * appears where nothing is sold.
 */
export function countUnits(
  inputs: readonly DiscoveryInput[],
  lexicon: Lexicon,
  options: { minSupport: number; reviewThreshold?: number; onProgress?: (stage: string, done: number) => void },
): Counted {
  const { minSupport, onProgress } = options;
  const book = new TallyBook();
  const readings: (ListingReading | null)[] = new Array<ListingReading | null>(inputs.length).fill(null);
  const units = new Map<string, { kind: UnitKind; flags: number }>();
  for (let i = 0; i < inputs.length; i++) {
    if (onProgress && i % PROGRESS_EVERY === 0 && i > 0) onProgress('read', i);
    const { reading, normalized } = readListing(lexicon, inputs[i]!, options.reviewThreshold);
    book.countListing(reading);
    if (reading.weight === 0) continue;
    readings[i] = reading;
    units.clear();
    reading.fields.forEach((f, k) =>
      eachCleanUnit(normalized[k]!, f, (u, flags) => {
        const seen = units.get(u.key);
        units.set(u.key, { kind: u.kind, flags: (seen?.flags ?? 0) | flags });
      }),
    );
    book.addOffer(i, reading, units, (inputs[i]!.listing.title ?? '').trim() !== '');
  }
  book.prune(minSupport);

  // Units longer than an n-gram (jieba words) are found in benign text by their first four characters;
  // Chinese n-grams are cut only where they start like a unit tallied.
  const long = new Map<string, string[]>();
  const prefixes = new Set<string>();
  for (const t of book.byKey.values()) {
    if (t.kind === 'han') prefixes.add(t.key.slice(0, MIN_HAN));
    if (t.kind !== 'han' || t.key.length <= MAX_NGRAM) continue;
    const prefix = t.key.slice(0, MAX_NGRAM);
    long.set(prefix, [...(long.get(prefix) ?? []), t.key]);
  }
  for (let i = 0; i < inputs.length; i++) {
    if (readings[i] !== null) continue;
    if (onProgress && i % PROGRESS_EVERY === 0 && i > 0) onProgress('count', i);
    const fields = listingFields(inputs[i]!.listing);
    for (const text of [fields.title, fields.description, fields.price]) {
      if (!text) continue;
      const nt = normalize(text, lexicon.emoji);
      eachUnit(
        nt,
        (u) => {
          book.addBenign(i, u.key);
          if (u.end - u.start === MAX_NGRAM && u.kind === 'han')
            for (const k of long.get(u.key) ?? []) if (nt.text.startsWith(k, u.start)) book.addBenign(i, k);
        },
        false,
        prefixes,
      );
    }
  }
  return { book, readings };
}
