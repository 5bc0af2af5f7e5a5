import { buildEvidence } from '../../../classifier/evidence.js';
import { loadLexicon, type Lexicon } from '../../../classifier/lexicon/load.js';
import { analyzeListing } from '../../../classifier/rules/analyze.js';
import type { TermKind, TermSpan } from '../shared/messages.js';

/**
 * Coded terms in a page's text, found by the classifier's own normalization and lexicon rules (bundled:
 * no model and no network), with the classifier's reason for each. The spans index the ORIGINAL text,
 * so `手.持.身.份.证` or `s3lfie w/ 1D` are marked where the seller wrote them.
 *
 * A block of text is marked only if it holds a coded term: trade signals (prices per unit, contact
 * handles) and softening contexts are everywhere on a marketplace, and mean something only beside a
 * term — which is how the classifier weighs them too.
 */

let lexicon: Lexicon | null = null;

/** The lexicon, built on first use and kept for the life of the worker (building it takes a moment). */
export function bundledLexicon(): Lexicon {
  lexicon ??= loadLexicon();
  return lexicon;
}

export function findTerms(text: string, lex: Lexicon = bundledLexicon()): TermSpan[] {
  if (text.trim() === '') return [];
  const analysis = analyzeListing(lex, { description: text });
  if (!analysis.hits.some((h) => h.entry?.kind === 'term')) return [];
  const kinds = new Map<string, TermKind>();
  for (const h of analysis.hits) {
    const key = `${h.start}:${h.end}`;
    // Trade patterns have no lexicon entry; on equal spans a term says the most.
    if (kinds.get(key) !== 'term') kinds.set(key, h.entry?.kind ?? 'signal');
  }
  const kept: TermSpan[] = [];
  // Evidence comes ranked (terms first, longest first), with spans inside longer ones dropped; marks
  // cannot nest or overlap, so a span overlapping one already kept is left out too.
  for (const e of buildEvidence(analysis, null)) {
    if (kept.some((k) => e.start < k.end && k.start < e.end)) continue;
    kept.push({ start: e.start, end: e.end, kind: kinds.get(`${e.start}:${e.end}`) ?? 'signal', reason: e.reason });
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Terms of each block of a page. */
export function findTermsInBlocks(blocks: readonly string[]): TermSpan[][] {
  const lex = bundledLexicon();
  return blocks.map((text) => findTerms(text, lex));
}
