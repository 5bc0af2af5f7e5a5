import { analyzeListing, buildEvidence, buildLexicon, namesAProduct, readOffer, type Lexicon, type LexiconOverlay } from '../../../classifier/portable.js';
import { LEXICON_FILES } from './lexicon-data.js';
import type { TermKind, TermSpan } from '../shared/messages.js';

/**
 * Coded terms and offer structures in a page's text, found by the classifier's own rules
 * (normalization, lexicon, negation, offer parts; bundled: no model and no network), with the
 * classifier's reason for each. The spans index the ORIGINAL text, so `手.持.身.份.证` or `s3lfie w/ 1D`
 * are marked where the seller wrote them.
 *
 * A block of text is marked only if it holds a coded term or names a product of the trade in plain
 * words (a document held beside a face, a bundle of faces, a kit, a faked face check): trade signals
 * and softening contexts are everywhere on a marketplace, and mean something only beside a product —
 * which is how the classifier weighs them too. Pinyin initials inside Latin words ("S.à.r.l.") and
 * contexts a listing denies ("not bedding") are read as the classifier reads them.
 */

let lexicon: Lexicon | null = null;

/** The lexicon, built on first use and kept for the life of the worker (building it takes a moment). */
export function bundledLexicon(): Lexicon {
  lexicon ??= buildLexicon(LEXICON_FILES);
  return lexicon;
}

let approved: { readonly key: string; readonly lexicon: Lexicon } | null = null;

/**
 * The shipped lexicon with the terms investigators approved (the server's overlay), so those are marked
 * too. The last one built is kept: the overlay changes rarely and building takes a moment. An overlay
 * the lexicon refuses leaves the shipped lexicon, as if the server had sent none.
 */
export function lexiconWith(overlay: LexiconOverlay | null): Lexicon {
  if (!overlay || overlay.terms.length === 0) return bundledLexicon();
  const key = JSON.stringify(overlay);
  if (approved?.key !== key) {
    try {
      approved = { key, lexicon: buildLexicon(LEXICON_FILES, overlay) };
    } catch (error) {
      console.warn('faceleak: the approved terms do not fit the lexicon; highlighting with the shipped one', error);
      return bundledLexicon();
    }
  }
  return approved.lexicon;
}

export function findTerms(text: string, lex: Lexicon = bundledLexicon()): TermSpan[] {
  if (text.trim() === '') return [];
  const analysis = analyzeListing(lex, { description: text });
  const offer = readOffer(analysis);
  const hasTerm = analysis.hits.some((h) => h.entry?.kind === 'term');
  if (!hasTerm && !namesAProduct(offer)) return [];
  const kinds = new Map<string, TermKind>();
  const rank: Record<TermKind, number> = { term: 0, part: 1, signal: 2, context: 3 };
  for (const h of analysis.hits) {
    const key = `${h.start}:${h.end}`;
    const kind: TermKind =
      h.entry === null || h.entry.kind === 'signal'
        ? 'signal'
        : h.entry.kind === 'term' || h.entry.kind === 'part' || h.entry.kind === 'context'
          ? h.entry.kind
          : 'signal';
    // On equal spans the kind that says most wins: a term, then an offer part.
    const had = kinds.get(key);
    if (had === undefined || rank[kind] < rank[had]) kinds.set(key, kind);
  }
  const kept: TermSpan[] = [];
  // Evidence comes ranked (terms first, longest first), with spans inside longer ones dropped; marks
  // cannot nest or overlap, so a span overlapping one already kept is left out too.
  for (const e of buildEvidence(analysis, offer, null)) {
    if (kept.some((k) => e.start < k.end && k.start < e.end)) continue;
    kept.push({ start: e.start, end: e.end, kind: kinds.get(`${e.start}:${e.end}`) ?? 'signal', reason: e.reason });
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Terms of each block of a page. */
export function findTermsInBlocks(blocks: readonly string[], lex: Lexicon = bundledLexicon()): TermSpan[][] {
  return blocks.map((text) => findTerms(text, lex));
}
