import { mulberry32 } from '../model/linear-model.js';

/**
 * Truncated SVD of a small sparse matrix by randomized range finding (Halko, Martinsson & Tropp 2011):
 * multiply by a Gaussian sketch, sharpen with a few power iterations, project onto the range found,
 * and finish with the eigen-decomposition of the small projected Gram matrix (Jacobi rotations). Enough
 * for the few thousand rows and columns of a co-occurrence matrix; no library needed for it.
 */
export interface SparseRows {
  readonly cols: number;
  /** Per row: column indices and values. */
  readonly rows: readonly { readonly index: readonly number[]; readonly value: readonly number[] }[];
}

export interface Svd {
  /** rows × k, row-major. */
  readonly u: Float64Array;
  /** k singular values, largest first. */
  readonly s: Float64Array;
  readonly k: number;
}

export function truncatedSvd(a: SparseRows, rank: number, options: { oversample?: number; powerIterations?: number; seed?: number } = {}): Svd {
  const m = a.rows.length;
  const n = a.cols;
  const l = Math.max(1, Math.min(rank + (options.oversample ?? 8), m, n));
  const k = Math.min(rank, l);
  const rand = mulberry32(options.seed ?? 1);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const omega = Float64Array.from({ length: n * l }, gauss);
  let q = orthonormalize(timesDense(a, omega, l), m, l);
  for (let it = 0; it < (options.powerIterations ?? 3); it++) {
    const z = orthonormalize(transposeTimesDense(a, q, l), n, l);
    q = orthonormalize(timesDense(a, z, l), m, l);
  }
  // B = Qᵀ A (l × n) is small; its left singular vectors are the eigenvectors of B Bᵀ.
  const b = transposeTimesDense(a, q, l);
  const gram = new Float64Array(l * l);
  for (let j = 0; j < n; j++) {
    for (let x = 0; x < l; x++) {
      const bx = b[j * l + x]!;
      if (bx === 0) continue;
      for (let y = x; y < l; y++) gram[x * l + y]! += bx * b[j * l + y]!;
    }
  }
  for (let x = 0; x < l; x++) for (let y = 0; y < x; y++) gram[x * l + y] = gram[y * l + x]!;
  const { values, vectors } = jacobiEigen(gram, l);
  const order = [...values.keys()].sort((x, y) => values[y]! - values[x]!).slice(0, k);
  const s = Float64Array.from(order, (i) => Math.sqrt(Math.max(values[i]!, 0)));
  const u = new Float64Array(m * k);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let x = 0; x < l; x++) sum += q[r * l + x]! * vectors[x * l + order[c]!]!;
      u[r * k + c] = sum;
    }
  }
  return { u, s, k };
}

/** A (m × n sparse) times D (n × l dense, row-major). */
function timesDense(a: SparseRows, d: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows.length * l);
  a.rows.forEach((row, r) => {
    for (let e = 0; e < row.index.length; e++) {
      const j = row.index[e]!;
      const v = row.value[e]!;
      for (let x = 0; x < l; x++) out[r * l + x]! += v * d[j * l + x]!;
    }
  });
  return out;
}

/** Aᵀ (n × m) times D (m × l dense, row-major). */
function transposeTimesDense(a: SparseRows, d: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.cols * l);
  a.rows.forEach((row, r) => {
    for (let e = 0; e < row.index.length; e++) {
      const j = row.index[e]!;
      const v = row.value[e]!;
      for (let x = 0; x < l; x++) out[j * l + x]! += v * d[r * l + x]!;
    }
  });
  return out;
}

/** Modified Gram–Schmidt on the l columns of a row-major m × l matrix; a column that vanishes stays zero. */
export function orthonormalize(y: Float64Array, m: number, l: number): Float64Array {
  for (let c = 0; c < l; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let r = 0; r < m; r++) dot += y[r * l + c]! * y[r * l + p]!;
      for (let r = 0; r < m; r++) y[r * l + c]! -= dot * y[r * l + p]!;
    }
    let norm = 0;
    for (let r = 0; r < m; r++) norm += y[r * l + c]! ** 2;
    norm = Math.sqrt(norm);
    for (let r = 0; r < m; r++) y[r * l + c] = norm > 1e-12 ? y[r * l + c]! / norm : 0;
  }
  return y;
}

/** Eigenvalues and eigenvectors (columns of `vectors`, row-major) of a symmetric n × n matrix, by cyclic Jacobi. */
export function jacobiEigen(matrix: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Array.from({ length: n }, (_, i) => a[i * n + i]!), vectors: v };
}
