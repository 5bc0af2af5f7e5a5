import { handleStems } from './handle-stems.js';
import { sharedCount } from './minhash.js';
import { nameStems } from './name-stems.js';
import type { SameSellerOptions } from './same-seller.js';
import type { ContactHandle } from './types.js';
import type { UnionFind } from './union-find.js';

/**
 * Links by who a listing says it is, made after every handle and text link (link-order.ts), through
 * the same cluster veto, because a name is weaker evidence than a contact or a copied ad:
 *  - account: a listing of an account (same site and seller name) whose text is alike to ANY listing
 *    of the cluster another listing of that account is in. The account's relist often resembles the
 *    ad it was reworded from, not the account's other relist (which may be an ad of another product).
 *  - brand: two accounts whose display names share a brand stem (name-stems.ts: "verifypro_sales" and
 *    "Verify Pro"), or whose contacts share an id's stem (handle-stems.ts: samgor.tools@ and samgor_vcam),
 *    when one's listing is alike to a listing of the other's cluster.
 * "Alike" is the same-account test (same-seller.ts thresholds on distinctive shingles; a little more
 * for a brand: 4 shared and Jaccard 0.1, as strangers in one trade pick alike names; more for an id's
 * stem, 6 and 0.15; less for an account's listing that says it is the relist of its other ad,
 * relist-pointers.ts: 2 shared). A name (or stem) on more than `hubCap` accounts is a common name and
 * links nobody, like a hub handle.
 */

export interface KinLink {
  readonly by: 'account' | 'brand';
  /** The two listings that carry the account name or the stem. */
  readonly a: number;
  readonly b: number;
  /** The pair whose text is alike: `a` or `b`, and a listing of the other's cluster. */
  readonly alike: readonly [number, number];
  readonly name: string;
  readonly jaccard: number;
  readonly shared: number;
}

/** Listings of a cluster compared to a kin listing, at most: a large cluster is already well evidenced. */
const CLUSTER_SAMPLE = 48;
/** Distinct clusters in one name group compared pair by pair, at most (a name on many clusters is common). */
const GROUP_CLUSTERS = 12;
/** What a brand link's text pair must share at least (an account's needs same-seller.ts's 3 and 0.08). */
const BRAND_SHARED = 4;
const BRAND_JACCARD = 0.1;
/** Listings of one cluster in a name group tried as the kin listing, at most. */
const GROUP_LISTINGS = 16;
/** What an account's listing pointing to its other ad ("contact as in my other ad") must share with it. */
const POINTED_SHARED = 2;
/** Brand keys of handle stems (handle-stems.ts), apart from names' stems; their text pair must be as alike as a cluster relist's. */
const STEM_KEY = 'handle:';
const STEM_SHARED = 6;
const STEM_JACCARD = 0.15;

export interface KinInput {
  /** Site + seller name per listing, undefined without a seller name. */
  readonly accountOf: ReadonlyArray<string | undefined>;
  readonly sellers: ReadonlyArray<string | null | undefined>;
  readonly kept: readonly Uint32Array[];
  /** Each listing's handles that still link (no hubs), for their stems. */
  readonly live: readonly (readonly ContactHandle[])[];
  readonly sets: UnionFind;
  /** The vetoed union (link-order.ts clusterVeto): false when the two are one cluster already or conflict. */
  readonly union: (a: number, b: number) => boolean;
  readonly hubCap: number;
  /** Whether a listing says it is the relist of its account's other ad (asked of few: read when asked). */
  readonly pointsBack?: (i: number) => boolean;
}

export function kinLinks(input: KinInput, opts: SameSellerOptions): KinLink[] {
  const { accountOf, kept, sets } = input;
  const n = kept.length;
  // Clusters as they stand after the other links: the evidence each kin link is weighed against.
  // Members by root in two typed arrays (offsets, then listings): a map of 100,000 arrays cost more than the rule.
  const rootAtStart = new Int32Array(n);
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[(rootAtStart[i] = sets.find(i)) + 1]!++;
  for (let r = 0; r < n; r++) start[r + 1]! += start[r]!;
  const fill = start.slice(0, n);
  const byRoot = new Int32Array(n);
  for (let i = 0; i < n; i++) byRoot[fill[rootAtStart[i]!]!++] = i;
  const membersOf = (root: number) => byRoot.subarray(start[root]!, Math.min(start[root + 1]!, start[root]! + CLUSTER_SAMPLE));

  // An account is one seller's name on one site; a brand stem is only like one, so it asks a little more text.
  const needs = {
    account: { shared: opts.sameSellerShared, jaccard: opts.sameSellerJaccard },
    brand: { shared: Math.max(opts.sameSellerShared, BRAND_SHARED), jaccard: Math.max(opts.sameSellerJaccard, BRAND_JACCARD) },
    pointed: { shared: Math.min(opts.sameSellerShared, POINTED_SHARED), jaccard: 0 },
    // An id's stem is less a name than a brand: strangers of one trade start ids with its words alike.
    stem: { shared: STEM_SHARED, jaccard: STEM_JACCARD },
  };
  const alike = (x: number, y: number, need: { shared: number; jaccard: number }): { jaccard: number; shared: number } | null => {
    const shared = sharedCount(kept[x]!, kept[y]!);
    if (shared < need.shared) return null;
    const jaccard = shared / (kept[x]!.length + kept[y]!.length - shared);
    return jaccard >= need.jaccard ? { jaccard, shared } : null;
  };
  // `a` against the listings of b's cluster, best first by shared shingles.
  const bestIn = (a: number, b: number, by: KinLink['by'] | 'stem') => {
    let best: { with: number; jaccard: number; shared: number } | null = null;
    const need = by === 'account' && input.pointsBack?.(a) === true ? needs.pointed : needs[by];
    for (const c of membersOf(rootAtStart[b]!)) {
      const found = alike(a, c, need);
      if (found && (best === null || found.shared > best.shared)) best = { with: c, ...found };
    }
    return best;
  };

  const accounts = new Map<string, number[]>();
  const brands = new Map<string, number[]>();
  // Stems once per name: an account's listings repeat it.
  const stemsOf = new Map<string, string[]>();
  for (let i = 0; i < n; i++) {
    const account = accountOf[i];
    if (account === undefined) continue;
    push(accounts, account, i);
    const seller = input.sellers[i] ?? '';
    let stems = stemsOf.get(seller);
    if (stems === undefined) stemsOf.set(seller, (stems = nameStems(seller)));
    for (const stem of stems) push(brands, stem, i);
    // Apart from the names' stems: a display name "Samgor Lab" is a brand, an id's first piece only like one.
    for (const stem of handleStems(input.live[i]!)) push(brands, `${STEM_KEY}${stem}`, i);
  }

  const links: KinLink[] = [];
  const tryGroup = (by: KinLink['by'], name: string, at: readonly number[]) => {
    if (at.length < 2) return;
    // One listing per cluster: the first of the group in it.
    const firstOf = new Map<number, number>();
    for (const i of at) if (!firstOf.has(rootAtStart[i]!)) firstOf.set(rootAtStart[i]!, i);
    const reps = [...firstOf.values()];
    if (reps.length < 2 || reps.length > GROUP_CLUSTERS) return;
    const inGroup = (root: number) => at.filter((i) => rootAtStart[i] === root).slice(0, GROUP_LISTINGS);
    for (let x = 0; x < reps.length; x++)
      for (let y = x + 1; y < reps.length; y++) {
        const a = reps[x]!;
        const b = reps[y]!;
        if (sets.find(a) === sets.find(b)) continue;
        const best = (x: number, y: number) => bestIn(x, y, name.startsWith(STEM_KEY) ? 'stem' : by);
        const found = firstAlike(inGroup(rootAtStart[a]!), b, best) ?? firstAlike(inGroup(rootAtStart[b]!), a, best);
        if (found === null || !input.union(a, b)) continue;
        const text = found.alike;
        links.push({ by, a: Math.min(a, b), b: Math.max(a, b), alike: text, name, jaccard: found.jaccard, shared: found.shared });
      }
  };
  for (const [account, at] of accounts) tryGroup('account', account.slice(account.indexOf('\u0000') + 1), at);
  for (const [stem, at] of brands) {
    if (at.length < 2) continue;
    const names = new Set(at.map((i) => accountOf[i]));
    if (names.size >= 2 && names.size <= input.hubCap) tryGroup('brand', stem, at);
  }
  return links;
}

/** The first of `own` (one cluster's listings of the group) alike to a listing of `other`'s cluster. */
function firstAlike(
  own: readonly number[],
  other: number,
  bestIn: (a: number, b: number) => { with: number; jaccard: number; shared: number } | null,
): { alike: [number, number]; jaccard: number; shared: number } | null {
  for (const a of own) {
    const best = bestIn(a, other);
    if (best) return { alike: [a, best.with], jaccard: best.jaccard, shared: best.shared };
  }
  return null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
