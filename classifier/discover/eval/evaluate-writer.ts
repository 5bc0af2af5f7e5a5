import { createHash } from 'node:crypto';
import { Classifier } from '../../classify.js';
import type { CorpusItem } from '../../corpus/schema.js';
import { mulberry32 } from '../../model/linear-model.js';
import { parseOverlay, type LexiconOverlay } from '../../lexicon/overlay.js';
import { discoverTerms } from '../discover.js';
import type { Candidate } from '../types.js';
import { TermMatcher } from './match-term.js';
import type { WriterSet } from './writer-sets.js';

/**
 * One writer's figures: the writer's listings mixed with benign corpus listings, classified, run
 * through discovery; then the true candidates of the top 100 approved as an overlay (with their
 * discovered category) and the writer's illicit listings and every hard negative classified again.
 */
export interface WriterResult {
  readonly name: string;
  readonly listings: number;
  readonly terms: number;
  readonly found50: number;
  readonly found100: number;
  /** Candidates in the top 50, and how many of them match a term. */
  readonly top50: number;
  readonly real50: number;
  /** True candidates (matching a term) in the list, and how many of them got the term's category. */
  readonly trueCandidates: number;
  readonly rightCategory: number;
  readonly illicit: number;
  readonly flaggedBefore: number;
  readonly flaggedAfter: number;
  readonly reachedBefore: number;
  readonly reachedAfter: number;
  readonly hardNegatives: number;
  readonly hardFlaggedBefore: number;
  readonly hardFlaggedAfter: number;
  readonly writerHardNegatives: number;
  readonly writerHardFlaggedBefore: number;
  readonly writerHardFlaggedAfter: number;
  readonly approved: number;
  readonly candidates: readonly (Candidate & { readonly matches: readonly string[] })[];
  readonly missed: readonly string[];
  /** The writer's illicit listings still not flagged after approval (what `--missed` prints). */
  readonly stillMissed: readonly StillMissed[];
}

/** One illicit listing not flagged after approval: its score then and the evidence the rules gave. */
export interface StillMissed {
  readonly id: string;
  readonly text: string;
  readonly score: number;
  readonly review: boolean;
  readonly evidence: readonly string[];
}

export interface EvalOptions {
  /** Benign corpus listings mixed in per illicit listing of the writer. */
  readonly benignPerIllicit: number;
  readonly top?: number;
  /** Discovery's minimum score (its default when not given). */
  readonly minScore?: number;
}

export const APPROVED_WEIGHT = 2;

/** A deterministic sample of n corpus benign listings, seeded by the writer's name. */
export function sampleBenign(benign: readonly CorpusItem[], n: number, seedName: string): CorpusItem[] {
  const rand = mulberry32(createHash('sha256').update(seedName).digest().readUInt32LE(0));
  const pool = [...benign];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.min(n, pool.length));
}

/**
 * The overlay an investigator would approve from the true candidates: discovered category; counted
 * alone (needsSignal false) only when the term is long enough to be specific (three Chinese characters
 * or two words) and no benign listing holds any of its spellings (`inBenign`).
 */
export function overlayFromCandidates(candidates: readonly Candidate[], name: string, inBenign: (c: Candidate) => boolean): LexiconOverlay {
  const seen = new Set<string>();
  const terms = candidates
    .filter((c) => {
      const key = c.term.toLowerCase().replace(/\s+/g, ' ');
      return !seen.has(key) && seen.add(key);
    })
    .map((c) => {
      const term = c.term.trim();
      const specific = /\p{Script=Han}/u.test(term) ? [...term.replace(/\s/g, '')].length >= 3 : term.split(/\s+/).length >= 2;
      return { term: c.term, variants: [...c.variants], category: c.category, needsSignal: !(specific && !inBenign(c)), weight: APPROVED_WEIGHT };
    });
  return parseOverlay({ name, terms });
}

export function evaluateWriter(set: WriterSet, corpusBenign: readonly CorpusItem[], base: Classifier, options: EvalOptions): WriterResult {
  const illicitCount = set.listings.filter((l) => l.label !== 'benign').length;
  const mix: MixedListing[] = [
    ...set.listings.map((l) => ({ ...l, writer: true })),
    ...sampleBenign(corpusBenign, illicitCount * options.benignPerIllicit, set.name).map((l) => ({ ...l, writer: false })),
  ];
  // Listings are told apart by position: a writer's ids may repeat the corpus's.
  const before = mix.map((l) => base.classify(l));
  const inputs = mix.map((l, i) => ({ listing: { id: l.id, title: l.title, description: l.description, price: l.price }, verdict: before[i]! }));
  const candidates = discoverTerms(inputs, base.lexicon, { top: options.top ?? 100, minScore: options.minScore, reviewThreshold: base.reviewThreshold });
  const matcher = new TermMatcher(base.lexicon);
  const marked = candidates.map((c) => ({ ...c, matches: matcher.allMatches(c, set.terms).map((i) => set.terms[i]!.term) }));
  const foundIn = (n: number) => new Set(marked.slice(0, n).flatMap((c) => c.matches)).size;
  const top50 = marked.slice(0, 50);

  const approved = marked.filter((c) => c.matches.length > 0);
  // "Appears in no benign listing": no listing labelled benign in the mix holds any spelling of it.
  const benignTexts = mix.filter((l) => l.label === 'benign').map((l) => matcher.key(`${l.title ?? ''} ${l.description ?? ''}`).bare);
  const inBenign = (c: Candidate) => [c.term, ...c.variants].some((s) => benignTexts.some((t) => t.includes(matcher.key(s).bare)));
  const after = approved.length > 0 ? Classifier.load({ overlay: overlayFromCandidates(approved, `eval-${set.name}`, inBenign) }) : base;
  const illicit = mix.map((l, i) => ({ l, i })).filter(({ l }) => l.label !== 'benign');
  const hard = mix.map((l, i) => ({ l, i })).filter(({ l }) => l.label === 'benign' && l.hardNegative);
  const afterOf = new Map([...illicit, ...hard].map(({ l, i }) => [i, after.classify(l)]));
  const count = <T extends { i: number; l: MixedListing }>(xs: readonly T[], f: (x: T) => boolean) => xs.filter(f).length;
  const flaggedBefore = (x: { i: number }) => before[x.i]!.flagged;
  const flaggedAfter = (x: { i: number }) => afterOf.get(x.i)!.flagged;
  const reached = (v: { flagged: boolean; review: boolean }) => v.flagged || v.review;
  const writerHard = hard.filter(({ l }) => l.writer);
  const found = new Set(marked.flatMap((c) => c.matches));
  const categoryOf = new Map(set.terms.map((t) => [t.term, t.category]));
  return {
    name: set.name,
    listings: mix.length,
    terms: set.terms.length,
    found50: foundIn(50),
    found100: foundIn(100),
    top50: top50.length,
    real50: top50.filter((c) => c.matches.length > 0).length,
    trueCandidates: approved.length,
    rightCategory: approved.filter((c) => c.matches.some((m) => categoryOf.get(m) === c.category)).length,
    illicit: illicit.length,
    flaggedBefore: count(illicit, flaggedBefore),
    flaggedAfter: count(illicit, flaggedAfter),
    reachedBefore: count(illicit, (x) => reached(before[x.i]!)),
    reachedAfter: count(illicit, (x) => reached(afterOf.get(x.i)!)),
    hardNegatives: hard.length,
    hardFlaggedBefore: count(hard, flaggedBefore),
    hardFlaggedAfter: count(hard, flaggedAfter),
    writerHardNegatives: writerHard.length,
    writerHardFlaggedBefore: count(writerHard, flaggedBefore),
    writerHardFlaggedAfter: count(writerHard, flaggedAfter),
    approved: approved.length,
    candidates: marked,
    missed: set.terms.filter((t) => !found.has(t.term)).map((t) => t.term),
    stillMissed: illicit
      .filter((x) => !flaggedAfter(x))
      .map(({ l, i }) => {
        const v = afterOf.get(i)!;
        const evidence = v.evidence.map((e) => `${e.text} (${e.reason})`);
        return { id: l.id, text: `${l.title ?? ''} | ${l.description ?? ''}`, score: v.score, review: v.review, evidence };
      }),
  };
}

type MixedListing = (WriterSet['listings'][number] | CorpusItem) & { readonly writer: boolean };
