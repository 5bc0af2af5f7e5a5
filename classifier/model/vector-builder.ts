import { continueHash, hashString, SEEDS } from './hashing.js';

/** A sparse feature vector: bucket indices with values (a bucket may repeat; values add up). */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

// Named features are few and recur in every listing: each name is hashed once.
const namedHashes = new Map<string, number>();

export class VectorBuilder {
  // Typed and grown by doubling: a listing's hundreds of features cost no boxed numbers. Values stay
  // doubles until build() rounds them to Float32, as the arrays of numbers this replaced did.
  private indices = new Int32Array(256);
  private values = new Float64Array(256);
  private count = 0;
  // The values rounded to Float32 for build(); reused like the arrays above.
  private rounded = new Float32Array(256);
  constructor(private readonly mask: number) {}
  /** Empties the builder for another vector, keeping its arrays (one builder serves every listing). */
  reset(): void {
    this.count = 0;
  }
  /** How many features were added so far. */
  get length(): number {
    return this.count;
  }
  add(hash: number, v: number): void {
    if (this.count === this.indices.length) this.grow();
    this.indices[this.count] = hash & this.mask;
    this.values[this.count++] = v;
  }
  private grow(): void {
    const indices = new Int32Array(this.indices.length * 2);
    indices.set(this.indices);
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.indices = indices;
    this.values = values;
  }
  named(name: string, v = 1): void {
    if (v === 0) return;
    let h = namedHashes.get(name);
    if (h === undefined) namedHashes.set(name, (h = hashString(name, SEEDS.named)));
    this.add(h, v);
  }
  /**
   * The feature named `${prefix}${key}`, hashed without building the name: the prefix's hash is
   * cached and the key's characters continue it. Same bucket as named(prefix + key); a listing's
   * dozens of composed names (terms, categories, pairs of findings) cost no strings and no map lookups.
   */
  namedWith(prefix: string, key: string, v = 1): void {
    if (v === 0) return;
    let h = namedHashes.get(prefix);
    if (h === undefined) namedHashes.set(prefix, (h = hashString(prefix, SEEDS.named)));
    this.add(continueHash(h, key), v);
  }
  /** Hash of a name's first part, for namedFrom (not cached: for prefixes that vary per listing). */
  prefixHash(prefix: string): number {
    return hashString(prefix, SEEDS.named);
  }
  /** The feature named (prefix + key), given prefixHash(prefix). */
  namedFrom(prefixHash: number, key: string, v = 1): void {
    if (v === 0) return;
    this.add(continueHash(prefixHash, key), v);
  }
  /** Multiplies the values of the features added from index `from` on. */
  scale(from: number, factor: number): void {
    for (let i = from; i < this.count; i++) this.values[i]! *= factor;
  }
  /**
   * The vector; with `merge`, repeated buckets summed first: fewer entries for the optimizer to touch
   * (training, where each vector is used many times; prediction adds them up anyway).
   */
  build(merge = false): SparseVector {
    if (!merge) {
      // Views, not copies: a vector for prediction is used at once, before the builder's next listing.
      if (this.rounded.length < this.count) this.rounded = new Float32Array(this.indices.length);
      this.rounded.set(this.values.subarray(0, this.count));
      return { index: this.indices.subarray(0, this.count), value: this.rounded.subarray(0, this.count) };
    }
    const sum = new Map<number, number>();
    for (let i = 0; i < this.count; i++) sum.set(this.indices[i]!, (sum.get(this.indices[i]!) ?? 0) + this.values[i]!);
    return { index: Int32Array.from(sum.keys()), value: Float32Array.from(sum.values()) };
  }
}
