import { CATEGORIES } from '../../contracts/index.js';
import type { Lexicon } from '../lexicon/load.js';
import { normalize } from '../normalize/normalize.js';
import { eachCleanUnit } from './field-units.js';
import { listingFields, type ListingReading } from './read-listing.js';
import { truncatedSvd, type SparseRows } from './svd.js';
import type { DiscoveryInput } from './types.js';

/**
 * How close a unit's company is to that of the known terms of each category. Over the offer-like
 * listings, each unit and each known term is described by what stands within a few characters of it:
 * the rules' findings (P:document, X:unit-price, S:contact, T:id_holding_photo…) and the other
 * candidate units. The counts become positive PMI (context counts smoothed by ^0.75), reduced by a
 * truncated SVD to a few dense dimensions where units used alike sit close; a unit's similarity to a
 * category is its cosine to the centroid of that category's known terms.
 */
export interface ContextMatch {
  /** Cosine to each category's centroid (CATEGORIES order); 0 where the category has no known term in the listings. */
  readonly byCategory: readonly number[];
  /** The known term whose company is closest, and its cosine. */
  readonly nearestTerm: string | null;
  readonly nearest: number;
}

/** Compact characters either side that count as a unit's company. */
const WINDOW = 16;
const RANK = 24;
const CONTEXT_SMOOTHING = 0.75;

interface Occurrence {
  readonly start: number;
  readonly end: number;
  readonly row: number;
  readonly column: string;
}

export function contextMatches(
  targets: readonly string[],
  inputs: readonly DiscoveryInput[],
  readings: readonly (ListingReading | null)[],
  lexicon: Lexicon,
): Map<string, ContextMatch> {
  const rows = new Map<string, number>(targets.map((t, i) => [`U:${t}`, i]));
  const rowOf = (name: string) => rows.get(name) ?? (rows.set(name, rows.size), rows.size - 1);
  const cooc = new Map<number, Map<string, number>>();
  const wanted = new Set(targets);
  readings.forEach((reading, i) => {
    if (reading === null) return;
    const fields = listingFields(inputs[i]!.listing);
    for (const f of reading.fields) {
      const nt = normalize(fields[f.field]!, lexicon.emoji);
      const occ: Occurrence[] = [];
      // Without jieba: a five- or six-character target goes without a context; the rest are n-grams and phrases.
      eachCleanUnit(
        nt,
        f,
        (u) => {
          if (wanted.has(u.key)) occ.push({ start: u.start, end: u.end, row: rowOf(`U:${u.key}`), column: `U:${u.key}` });
        },
        false,
      );
      for (const s of f.spans) occ.push({ start: s.start, end: s.end, row: s.termId ? rowOf(`T#${s.termId}`) : -1, column: s.token });
      countCompany(occ, cooc);
    }
  });
  const names = [...rows.keys()];
  const embedding = embed(names.length, cooc);
  const termCategory = new Map(lexicon.entries.filter((e) => e.kind === 'term').map((e) => [e.id, e.category!]));
  const terms = names.map((n, r) => ({ n, r })).filter(({ n }) => n.startsWith('T#'));
  const centroids = CATEGORIES.map((c) =>
    centroid(
      embedding,
      terms.filter(({ n }) => termCategory.get(n.slice(2)) === c).map(({ r }) => r),
      cooc,
    ),
  );
  const out = new Map<string, ContextMatch>();
  targets.forEach((t, r) => {
    const byCategory = centroids.map((c) => (c ? cosine(embedding, r, c) : 0));
    let nearestTerm: string | null = null;
    let nearest = 0;
    for (const { n, r: tr } of terms) {
      const cos = cosine(embedding, r, rowVector(embedding, tr));
      if (cos > nearest) [nearest, nearestTerm] = [cos, n.slice(2)];
    }
    out.set(t, { byCategory, nearestTerm, nearest });
  });
  return out;
}

/** Each occurrence with a row counts the others within the window that do not overlap it. */
function countCompany(occ: readonly Occurrence[], cooc: Map<number, Map<string, number>>): void {
  for (const a of occ) {
    if (a.row < 0) continue;
    let m = cooc.get(a.row);
    if (!m) cooc.set(a.row, (m = new Map()));
    for (const b of occ) {
      if (b === a || (b.start < a.end && a.start < b.end)) continue;
      const gap = b.start >= a.end ? b.start - a.end : a.start - b.end;
      if (gap <= WINDOW) m.set(b.column, (m.get(b.column) ?? 0) + 1);
    }
  }
}

interface Embedding {
  readonly dims: number;
  readonly vectors: Float64Array;
}

function embed(nRows: number, cooc: Map<number, Map<string, number>>): Embedding {
  const columns = new Map<string, number>();
  const colTotals: number[] = [];
  let total = 0;
  const rowTotals = new Float64Array(nRows);
  for (const [r, m] of cooc) {
    for (const [name, n] of m) {
      let c = columns.get(name);
      if (c === undefined) columns.set(name, (c = colTotals.push(0) - 1));
      colTotals[c]! += n;
      rowTotals[r]! += n;
      total += n;
    }
  }
  const smoothed = colTotals.map((n) => n ** CONTEXT_SMOOTHING);
  const smoothedSum = smoothed.reduce((a, b) => a + b, 0);
  const matrix: SparseRows = {
    cols: columns.size,
    rows: Array.from({ length: nRows }, (_, r) => {
      const index: number[] = [];
      const value: number[] = [];
      for (const [name, n] of cooc.get(r) ?? []) {
        const c = columns.get(name)!;
        const pmi = Math.log(n / total / ((rowTotals[r]! / total) * (smoothed[c]! / smoothedSum)));
        if (pmi > 0) {
          index.push(c);
          value.push(pmi);
        }
      }
      return { index, value };
    }),
  };
  if (nRows < 3 || columns.size < 3) return { dims: 0, vectors: new Float64Array(0) };
  const { u, s, k } = truncatedSvd(matrix, Math.min(RANK, nRows - 1, columns.size - 1));
  // Rows weighted by the square root of the singular values: the usual compromise for word vectors.
  const vectors = new Float64Array(nRows * k);
  for (let r = 0; r < nRows; r++) {
    let norm = 0;
    for (let c = 0; c < k; c++) norm += (vectors[r * k + c] = u[r * k + c]! * Math.sqrt(s[c]!)) ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let c = 0; c < k; c++) vectors[r * k + c]! /= norm;
  }
  return { dims: k, vectors };
}

function rowVector(e: Embedding, r: number): Float64Array {
  return e.vectors.subarray(r * e.dims, (r + 1) * e.dims);
}

/** The mean of the rows' unit vectors, weighted by the square root of how often each term was seen; null without rows. */
function centroid(e: Embedding, rows: readonly number[], cooc: Map<number, Map<string, number>>): Float64Array | null {
  if (rows.length === 0 || e.dims === 0) return null;
  const out = new Float64Array(e.dims);
  for (const r of rows) {
    const w = Math.sqrt([...(cooc.get(r)?.values() ?? [])].reduce((a, b) => a + b, 0));
    const v = rowVector(e, r);
    for (let c = 0; c < e.dims; c++) out[c]! += w * v[c]!;
  }
  return out;
}

function cosine(e: Embedding, r: number, v: Float64Array): number {
  if (e.dims === 0) return 0;
  const a = rowVector(e, r);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let c = 0; c < e.dims; c++) {
    dot += a[c]! * v[c]!;
    na += a[c]! ** 2;
    nb += v[c]! ** 2;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
