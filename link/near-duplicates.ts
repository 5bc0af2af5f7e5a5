import { bandKeys, sharedCount, signature } from './minhash.js';

/**
 * Near-duplicate pairs among listings' shingle sets (see shingles.ts): document-frequency cut, MinHash
 * with LSH banding for candidates, exact Jaccard on the kept shingles to decide.
 */
export interface NearDuplicateOptions {
  /** A pair links at this Jaccard (over the distinctive shingles of both) or above. */
  readonly minJaccard: number;
  /** …and when it shares at least this many distinctive shingles: two short texts prove little. */
  readonly minShared: number;
  /** A shingle written by more than max(dfFloor, dfShare × sellers) different sellers is boilerplate. */
  readonly dfFloor: number;
  readonly dfShare: number;
}

export const NEAR_DUPLICATE_DEFAULTS: NearDuplicateOptions = { minJaccard: 0.25, minShared: 8, dfFloor: 5, dfShare: 0.002 };

export interface NearDuplicatePair {
  readonly a: number;
  readonly b: number;
  readonly jaccard: number;
  readonly shared: number;
}

/** Bucket size above which a bucket is compared as a chain and a star, not pair by pair (bounds the work of mass relists). */
const ALL_PAIRS_UP_TO = 16;

/**
 * Keeps each listing's distinctive shingles. Document frequency counts SELLERS, not listings (`sellerOf`:
 * a handle or seller name per listing), so one seller's fifty relists do not make its own words look
 * common, while a phrase that many sellers write does.
 */
export function distinctiveShingles(shingles: readonly Uint32Array[], sellerOf: readonly string[], opts: NearDuplicateOptions): Uint32Array[] {
  const order = shingles.map((_, i) => i).sort((x, y) => (sellerOf[x]! < sellerOf[y]! ? -1 : sellerOf[x]! > sellerOf[y]! ? 1 : 0));
  const df = new Map<number, number>();
  const lastSeller = new Map<number, string>();
  let sellers = 0;
  let previous: string | undefined;
  for (const i of order) {
    if (sellerOf[i] !== previous) sellers++;
    previous = sellerOf[i];
    for (const s of shingles[i]!) {
      if (lastSeller.get(s) === sellerOf[i]) continue;
      lastSeller.set(s, sellerOf[i]!);
      df.set(s, (df.get(s) ?? 0) + 1);
    }
  }
  const cut = Math.max(opts.dfFloor, Math.ceil(opts.dfShare * sellers));
  return shingles.map((set) => set.filter((s) => df.get(s)! <= cut));
}

/** Pairs compared that fall short of the near-duplicate test but pass a weaker one (cluster-relists.ts uses them). */
export interface WeakPairs {
  readonly minJaccard: number;
  readonly minShared: number;
  readonly out: NearDuplicatePair[];
}

/**
 * `accept(a, b)` may veto a pair (different handles of one kind); it runs before the set comparison.
 * `vetoed.out`: where to keep the candidate pairs it vetoed, uncompared, as a flat list a1, b1, a2, b2 …
 * (templates.ts compares the few it needs); listings from `vetoed.minShared` shingles are candidates.
 */
export function nearDuplicatePairs(
  kept: readonly Uint32Array[],
  opts: NearDuplicateOptions,
  accept: (a: number, b: number) => boolean = () => true,
  onProgress?: (done: number) => void,
  weak?: WeakPairs,
  vetoed?: { readonly minShared: number; readonly out: number[] },
): NearDuplicatePair[] {
  const buckets = new Map<number, number[]>();
  // A listing too short for the near-duplicate test is a candidate only as a copy (templates.ts).
  const floor = Math.min(opts.minShared, vetoed?.minShared ?? opts.minShared);
  for (let i = 0; i < kept.length; i++) {
    if (kept[i]!.length < floor) continue;
    for (const key of bandKeys(signature(kept[i]!))) {
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [i]);
      else bucket.push(i);
    }
    if (onProgress && i % 10_000 === 0) onProgress(i);
  }
  const seen = new Set<number>();
  const pairs: NearDuplicatePair[] = [];
  const consider = (a: number, b: number) => {
    const key = a < b ? a * kept.length + b : b * kept.length + a;
    if (seen.has(key)) return;
    seen.add(key);
    if (!accept(a, b)) {
      vetoed?.out.push(a, b);
      return;
    }
    const shared = sharedCount(kept[a]!, kept[b]!);
    const jaccard = shared / (kept[a]!.length + kept[b]!.length - shared);
    if (shared >= opts.minShared && jaccard >= opts.minJaccard) pairs.push({ a: Math.min(a, b), b: Math.max(a, b), jaccard, shared });
    // Weak pairs among listings long enough for the near-duplicate test only (short ones are candidates for copies).
    else if (weak && shared >= weak.minShared && jaccard >= weak.minJaccard && Math.min(kept[a]!.length, kept[b]!.length) >= opts.minShared)
      weak.out.push({ a: Math.min(a, b), b: Math.max(a, b), jaccard, shared });
  };
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    if (bucket.length <= ALL_PAIRS_UP_TO) {
      for (let x = 0; x < bucket.length; x++) for (let y = x + 1; y < bucket.length; y++) consider(bucket[x]!, bucket[y]!);
    } else {
      for (let x = 1; x < bucket.length; x++) {
        consider(bucket[0]!, bucket[x]!);
        consider(bucket[x - 1]!, bucket[x]!);
      }
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}
