import type { Category, Evidence } from '../contracts/index.js';
import type { ListingAnalysis, RuleHit } from './rules/analyze.js';

const MAX_EVIDENCE = 12;

const PATTERN_REASONS: Record<string, string> = {
  'unit-price': 'trade signal: price per unit',
  'bulk-quantity': 'trade signal: bulk quantity',
  'contact-id': 'trade signal: off-platform contact id',
  price: 'trade signal: low price',
};

function reasonFor(hit: RuleHit): string {
  const e = hit.entry;
  if (e === null) return PATTERN_REASONS[hit.pattern ?? ''] ?? 'trade signal';
  const disguised = hit.obfuscated ? ', disguised spelling' : '';
  switch (e.kind) {
    case 'term':
      return `coded term for ${e.category}${e.needsSignal ? ' (ambiguous alone)' : ''}${disguised}`;
    case 'signal':
      return `trade signal: ${e.id}${disguised}`;
    case 'context':
      return `lowers the score: ${e.id} context`;
  }
}

/** Order: terms of the verdict's category first, then other terms, trade signals, contexts. */
function rank(hit: RuleHit, category: Category | null): number {
  const e = hit.entry;
  if (e?.kind === 'term') return e.category === category ? 0 : 1;
  if (e?.kind === 'context') return 3;
  return 2;
}

/**
 * The spans of the ORIGINAL field text behind a verdict. A hit inside a longer hit of the same rank
 * is dropped (手持身份证照 explains itself; 身份证 inside it adds nothing).
 */
export function buildEvidence(analysis: ListingAnalysis, category: Category | null): Evidence[] {
  const originals = new Map(analysis.fields.map((f) => [f.field, f.normalized.original]));
  const ranked = analysis.hits
    .map((hit) => ({ hit, rank: rank(hit, category) }))
    .sort((x, y) => x.rank - y.rank || (y.hit.end - y.hit.start) - (x.hit.end - x.hit.start));
  const kept: { hit: RuleHit; rank: number }[] = [];
  for (const c of ranked) {
    const covered = kept.some(
      (k) => k.hit.field === c.hit.field && k.hit.start <= c.hit.start && c.hit.end <= k.hit.end && (k.rank <= 1) === (c.rank <= 1),
    );
    if (!covered) kept.push(c);
    if (kept.length === MAX_EVIDENCE) break;
  }
  return kept.map(({ hit }) => ({
    field: hit.field,
    start: hit.start,
    end: hit.end,
    text: originals.get(hit.field)!.slice(hit.start, hit.end),
    reason: reasonFor(hit),
  }));
}
