import type { TextField } from '../../contracts/index.js';
import type { Lexicon, LexiconEntry } from '../lexicon/load.js';
import { isObfuscatedSpan, normalize, originalRange, type NormalizedText } from '../normalize/normalize.js';
import { findTradePatterns, type TradePatternId } from './trade-patterns.js';

/** One thing the rules found, located in the original text of a field. */
export interface RuleHit {
  readonly field: TextField;
  /** The lexicon entry (term, signal or context), or null for a trade pattern. */
  readonly entry: LexiconEntry | null;
  readonly pattern: TradePatternId | null;
  /** Original-text range [start, end) in the field. */
  readonly start: number;
  readonly end: number;
  /** The match needed de-obfuscation (split, disguised, homophone or coded spelling). */
  readonly obfuscated: boolean;
}

export interface FieldText {
  readonly field: TextField;
  readonly normalized: NormalizedText;
}

export interface ListingAnalysis {
  readonly fields: readonly FieldText[];
  readonly hits: readonly RuleHit[];
}

export type ListingFields = Partial<Record<TextField, string | null | undefined>>;

export function analyzeListing(lexicon: Lexicon, listing: ListingFields): ListingAnalysis {
  const fields: FieldText[] = [];
  const hits: RuleHit[] = [];
  for (const field of ['title', 'description', 'price'] as const) {
    const text = listing[field];
    if (typeof text !== 'string' || text.length === 0) continue;
    const normalized = normalize(text, lexicon.emoji);
    fields.push({ field, normalized });
    const onHit = (h: { entry: number; coded: boolean; start: number; end: number }) => {
      const [start, end] = originalRange(normalized, h.start, h.end);
      const obfuscated = h.coded || isObfuscatedSpan(normalized, h.start, h.end);
      hits.push({ field, entry: lexicon.entries[h.entry]!, pattern: null, start, end, obfuscated });
    };
    lexicon.phrases.match(normalized.text, onHit);
    lexicon.homophones.match(normalized.text, onHit);
    for (const p of findTradePatterns(normalized.base)) {
      const start = normalized.baseStart[p.start]!;
      const end = normalized.baseEnd[p.end - 1]!;
      hits.push({ field, entry: null, pattern: p.id, start, end, obfuscated: false });
    }
  }
  return { fields, hits: dropCoveredContexts(hits) };
}

/**
 * A context inside a term or signal is part of it, not a context: "consent" in "no consent",
 * "holder" in "holder selfie" must not lower the score.
 */
function dropCoveredContexts(hits: RuleHit[]): RuleHit[] {
  if (!hits.some((h) => h.entry?.kind === 'context')) return hits;
  const covers = hits.filter((h) => h.entry?.kind === 'term' || h.entry?.kind === 'signal');
  return hits.filter(
    (h) => h.entry?.kind !== 'context' || !covers.some((c) => c.field === h.field && c.start <= h.start && h.end <= c.end && c.end - c.start > h.end - h.start),
  );
}

/** Whether a hit is a trade signal: a signal word or a price, quantity or contact pattern. */
export function isTradeSignal(hit: RuleHit): boolean {
  return hit.pattern !== null || hit.entry?.kind === 'signal';
}
