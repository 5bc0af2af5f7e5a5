/**
 * MinHash signatures and LSH banding: listings whose shingle sets overlap a lot land in a common bucket
 * in at least one band, so only those pairs are compared instead of all n²/2.
 *
 * 80 hash functions in 40 bands of 2 rows: a pair with Jaccard J shares a band with probability
 * 1 - (1 - J²)⁴⁰: 0.92 at J = 0.25 (the link threshold), 0.98 at 0.3, 0.9987 at 0.4, 0.33 at 0.1 (extra
 * candidates, which exact verification then rejects). The S-curve's midpoint, (1/40)^(1/2) ≈ 0.16, sits
 * below the threshold on purpose: a missed candidate is a missed link, an extra one costs a set
 * intersection. (Two rows, not three: reworded relists of one seller measured J 0.22–0.4 on the
 * development set, where three rows would miss half the pairs at 0.3.)
 */
export const BANDS = 40;
export const ROWS = 2;
export const HASHES = BANDS * ROWS;

/** murmur3's finalizer: a cheap, well-mixed 32-bit permutation. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds (not random): the same input gives the same clusters on every run.
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix32(0x9e3779b9 + i * 0x7f4a7c15));

export function signature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of shingles) {
    for (let k = 0; k < HASHES; k++) {
      const v = mix32(s ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** One number per band of a signature (hash of its rows, salted with the band so bands never share buckets). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix32(b + 1);
    for (let r = 0; r < ROWS; r++) h = mix32(h ^ sig[b * ROWS + r]!);
    keys.push(h);
  }
  return keys;
}

/** Exact size of the intersection of two sorted shingle arrays (both of one numeric order: Uint32 here, Int32 in the store). */
export function sharedCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}
