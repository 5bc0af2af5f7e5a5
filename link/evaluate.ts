import type { SellerCluster } from './types.js';

/**
 * Pairwise figures of a clustering against the truth: a pair of listings is predicted when both sit
 * in one cluster, true when both carry one truth key. Counted from the contingency table, never by
 * listing pairs one by one (100,000 listings would be 5·10⁹ pairs).
 */
export interface PairwiseFigures {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  /** Clusters holding listings of two or more truth sellers, with what linked them. */
  readonly merges: ReadonlyArray<{ cluster: SellerCluster; truths: readonly string[] }>;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export function pairwiseFigures(clusters: readonly SellerCluster[], truthOf: ReadonlyMap<string, string>): PairwiseFigures {
  const truthSizes = new Map<string, number>();
  for (const t of truthOf.values()) truthSizes.set(t, (truthSizes.get(t) ?? 0) + 1);
  let predictedPairs = 0;
  let correctPairs = 0;
  const merges: Array<{ cluster: SellerCluster; truths: string[] }> = [];
  for (const cluster of clusters) {
    predictedPairs += pairs(cluster.listingIds.length);
    const cells = new Map<string, number>();
    for (const id of cluster.listingIds) {
      const t = truthOf.get(id) ?? `(no truth) ${id}`;
      cells.set(t, (cells.get(t) ?? 0) + 1);
    }
    for (const n of cells.values()) correctPairs += pairs(n);
    if (cells.size > 1) merges.push({ cluster, truths: [...cells.keys()].sort() });
  }
  let truePairs = 0;
  for (const n of truthSizes.values()) truePairs += pairs(n);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs, merges };
}
