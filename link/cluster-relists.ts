import type { NearDuplicatePair } from './near-duplicates.js';
import type { UnionFind } from './union-find.js';

/**
 * Reworded relists of a cluster: a listing whose text is only somewhat alike (below the near-duplicate
 * threshold) to each of TWO OR MORE listings of one cluster, which handles or text already made one
 * seller's. A seller rewording an ad again keeps a little of every earlier wording; one weak
 * resemblance is what strangers in one trade share, two to one seller's different ads is evidence.
 * The two must not be near copies of each other (a seller's fifty identical relists are one ad, and a
 * stranger alike to one is alike to all). Strangers in one trade still write alike (四件套 带人脸,
 * 实名资料 in every ad), so a seller name of the listing's cluster must also share a piece with one of
 * the other cluster (name-stems.ts namePieces: 宏达数码 ~ 宏达科技, laozhou ~ 老周动画). Made after
 * handles and text (link-order.ts), through the same cluster veto: a listing naming another contact never joins.
 */

export interface ClusterRelistOptions {
  /** Jaccard and shared distinctive shingles each of the two resemblances needs at least. */
  readonly relistJaccard: number;
  readonly relistShared: number;
}

export const CLUSTER_RELIST_DEFAULTS: ClusterRelistOptions = { relistJaccard: 0.15, relistShared: 6 };

/** Two of a cluster's listings alike above this are one ad twice: together they count as one resemblance. */
const SAME_AD_JACCARD = 0.5;

export interface ClusterRelistLink {
  /** The relist and the first cluster listing it resembles. */
  readonly a: number;
  readonly b: number;
  /** The two cluster listings it resembles. */
  readonly alike: readonly [number, number];
  readonly jaccard: number;
  readonly shared: number;
}

/**
 * `weak`: pairs below the near-duplicate test that passed `opts` (near-duplicates.ts gives them);
 * `jaccardOf(x, y)`: the Jaccard of two listings' distinctive shingles; `union`: the vetoed union.
 */
export interface ClusterRelistInput {
  /** Pairs below the near-duplicate test that passed `opts` (near-duplicates.ts gives them). */
  readonly weak: readonly NearDuplicatePair[];
  readonly sets: UnionFind;
  /** The listings of a cluster by its root (a sample of a large one). */
  readonly membersOf: (root: number) => ArrayLike<number>;
  /** Jaccard and shared count of two listings' distinctive shingles. */
  readonly resemblance: (x: number, y: number) => { jaccard: number; shared: number };
  /** Whether a seller name in one cluster (by root) shares a name piece with one in the other. */
  readonly namesAlike: (rootA: number, rootB: number) => boolean;
  /** The vetoed union (link-order.ts clusterVeto). */
  readonly union: (a: number, b: number) => boolean;
}

export function clusterRelistLinks(input: ClusterRelistInput, opts: ClusterRelistOptions): ClusterRelistLink[] {
  const { weak, sets, membersOf, resemblance, namesAlike, union } = input;
  // Per listing and per other cluster (as the clusters stand now), the listings of it that resemble the listing.
  // Each listing and other cluster met in a weak pair: banding finds a weak pair only now and then
  // (near-duplicates.ts tunes it for the stronger test), so the cluster's other listings are compared exactly.
  const tried = new Set<string>();
  const found: Array<ClusterRelistLink & { total: number }> = [];
  const consider = (x: number, y: number) => {
    const root = sets.find(y);
    if (root === sets.find(x) || tried.has(`${x}:${root}`)) return;
    tried.add(`${x}:${root}`);
    const alike: Array<{ m: number; jaccard: number; shared: number }> = [];
    for (const m of Array.from(membersOf(root))) {
      const r = resemblance(x, m);
      if (r.shared >= opts.relistShared && r.jaccard >= opts.relistJaccard) alike.push({ m, ...r });
    }
    if (alike.length < 2 || !namesAlike(sets.find(x), root)) return;
    alike.sort((p, q) => q.jaccard - p.jaccard || p.m - q.m);
    const first = alike[0]!;
    const second = alike.slice(1).find((r) => resemblance(first.m, r.m).jaccard < SAME_AD_JACCARD);
    if (second === undefined) return;
    found.push({ a: x, b: first.m, alike: [first.m, second.m], jaccard: first.jaccard, shared: first.shared, total: first.jaccard + second.jaccard });
  };
  for (const p of weak) {
    consider(p.a, p.b);
    consider(p.b, p.a);
  }
  // Strongest first, as link-order.ts makes text links, so a weak pull cannot claim a listing first.
  found.sort((p, q) => q.total - p.total || p.a - q.a || p.b - q.b);
  return found.filter((l) => union(l.a, l.b)).map(({ total: _total, ...l }) => l);
}
