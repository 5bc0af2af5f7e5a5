import { describe, expect, it } from 'vitest';
import { jacobiEigen, truncatedSvd } from './svd.js';

describe('truncated SVD', () => {
  it('finds the largest singular values of a small sparse matrix (checked against the eigenvalues of AᵀA)', () => {
    const m = [
      [3, 1, 0, 0, 2],
      [1, 3, 0, 0, 2],
      [0, 0, 4, 1, 0],
      [0, 0, 1, 4, 0],
      [2, 2, 0, 0, 3],
      [0, 1, 0, 0, 1],
    ];
    const rows = m.map((r) => ({ index: r.flatMap((v, j) => (v ? [j] : [])), value: r.filter((v) => v !== 0) }));
    const { s, u, k } = truncatedSvd({ cols: 5, rows }, 3);
    const ata = new Float64Array(25);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) for (const r of m) ata[i * 5 + j]! += r[i]! * r[j]!;
    const expected = jacobiEigen(ata, 5)
      .values.map((v) => Math.sqrt(Math.max(v, 0)))
      .sort((a, b) => b - a)
      .slice(0, 3);
    expect(k).toBe(3);
    [...s].forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    // The left singular vectors are orthonormal.
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let dot = 0;
        for (let r = 0; r < m.length; r++) dot += u[r * k + a]! * u[r * k + b]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 6);
      }
    }
  });
});
