import { continueHash, hashString, SEEDS } from './hashing.js';

/** A sparse feature vector: bucket indices with values (a bucket may repeat; values add up). */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

// Named features are few and recur in every listing: each name is hashed once.
const namedHashes = new Map<string, number>();

export class VectorBuilder {
  readonly index: number[] = [];
  readonly value: number[] = [];
  constructor(private readonly mask: number) {}
  add(hash: number, v: number): void {
    this.index.push(hash & this.mask);
    this.value.push(v);
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
  scale(from: number, factor: number): void {
    for (let i = from; i < this.value.length; i++) this.value[i]! *= factor;
  }
  /**
   * The vector; with `merge`, repeated buckets summed first: fewer entries for the optimizer to touch
   * (training, where each vector is used many times; prediction adds them up anyway).
   */
  build(merge = false): SparseVector {
    if (!merge) return { index: Int32Array.from(this.index), value: Float32Array.from(this.value) };
    const sum = new Map<number, number>();
    for (let i = 0; i < this.index.length; i++) sum.set(this.index[i]!, (sum.get(this.index[i]!) ?? 0) + this.value[i]!);
    return { index: Int32Array.from(sum.keys()), value: Float32Array.from(sum.values()) };
  }
}
