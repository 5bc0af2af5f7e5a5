import { sharedCount } from './minhash.js';

/**
 * Relists by one marketplace account: two listings with the same seller name on the same site whose
 * text is alike, though less alike than a stranger's copy would have to be. A relist is often
 * reworded and carries no contact ("看主页", "DM me"); the account is the evidence the text lacks.
 * Display names are not unique on every site (several 李老师 on one marketplace), so the name alone
 * never links: the text must still share distinctive shingles, and different contacts still veto.
 */
export interface SameSellerOptions {
  /** Shared distinctive shingles a same-account pair needs (strangers need `minShared`). */
  readonly sameSellerShared: number;
  /** Jaccard a same-account pair needs (strangers need `minJaccard`). */
  readonly sameSellerJaccard: number;
}

export const SAME_SELLER_DEFAULTS: SameSellerOptions = { sameSellerShared: 3, sameSellerJaccard: 0.08 };

/** A name on more listings than this is a shared or placeholder name ("用户", "seller"): compared as a chain only, to bound the work. */
const ALL_PAIRS_UP_TO = 24;

export interface SameSellerPair {
  readonly a: number;
  readonly b: number;
  readonly jaccard: number;
  readonly shared: number;
}

/** `accountOf[i]`: the listing's site + seller name, or undefined when it has none (then it is nobody's relist). */
export function sameSellerPairs(kept: readonly Uint32Array[], accountOf: ReadonlyArray<string | undefined>, opts: SameSellerOptions): SameSellerPair[] {
  const groups = new Map<string, number[]>();
  accountOf.forEach((account, i) => {
    if (account === undefined) return;
    const group = groups.get(account);
    if (group === undefined) groups.set(account, [i]);
    else group.push(i);
  });
  const pairs: SameSellerPair[] = [];
  const consider = (a: number, b: number) => {
    const shared = sharedCount(kept[a]!, kept[b]!);
    if (shared < opts.sameSellerShared) return;
    const jaccard = shared / (kept[a]!.length + kept[b]!.length - shared);
    if (jaccard >= opts.sameSellerJaccard) pairs.push({ a, b, jaccard, shared });
  };
  for (const group of groups.values()) {
    if (group.length <= ALL_PAIRS_UP_TO) {
      for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) consider(group[x]!, group[y]!);
    } else {
      for (let x = 1; x < group.length; x++) consider(group[x - 1]!, group[x]!);
    }
  }
  return pairs;
}
