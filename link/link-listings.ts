import { extractHandles } from './contact-handles.js';
import { linkKey } from './handle-rules.js';
import { CLUSTER_RELIST_DEFAULTS, clusterRelistLinks, type ClusterRelistOptions } from './cluster-relists.js';
import { sharedCount } from './minhash.js';
import { distinctiveShingles, NEAR_DUPLICATE_DEFAULTS, nearDuplicatePairs, type NearDuplicateOptions, type NearDuplicatePair } from './near-duplicates.js';
import { SAME_SELLER_DEFAULTS, sameSellerPairs, type SameSellerOptions } from './same-seller.js';
import { listingShingles } from './shingles.js';
import { conflicting, linkInOrder, type TextLink } from './link-order.js';
import { kinLinks } from './kin-links.js';
import { pointsToOwnAd } from './relist-pointers.js';
import { TEMPLATE_COPY, templateVeto } from './templates.js';
import { namePieces } from './name-stems.js';
import { idWords, mentionPairs } from './mentions.js';
import { nameHandleLinks } from './name-handles.js';
import type { ContactHandle, LinkListing, LinkReason, SellerCluster } from './types.js';
import type { UnionFind } from './union-find.js';

export interface LinkOptions extends NearDuplicateOptions, SameSellerOptions, ClusterRelistOptions {
  /** A handle on listings of more than this many different sellers is generic (a shared agent, a template's number): it links nobody. */
  readonly hubCap: number;
  /**
   * Links by seller names (kin-links.ts, name-handles.ts) and by ids mentioned without a cue
   * (mentions.ts). The store (store/sellers.ts) applies neither yet: off, the batch finds its clusters.
   */
  readonly names: boolean;
  readonly mentions: boolean;
  readonly onProgress?: (stage: string, done: number) => void;
}

export const LINK_DEFAULTS: LinkOptions = {
  ...NEAR_DUPLICATE_DEFAULTS,
  ...SAME_SELLER_DEFAULTS,
  ...CLUSTER_RELIST_DEFAULTS,
  hubCap: 6,
  names: true,
  mentions: true,
};

export interface LinkResult {
  /** Every cluster, singletons included, largest first. */
  readonly clusters: SellerCluster[];
  /** Handles dropped as hubs, with how many seller names carried each. */
  readonly hubs: ReadonlyArray<{ handle: string; sellers: number }>;
}

/** Who posted a listing as the marketplace shows it: the seller name on its site; unknown sellers are each their own. */
export function sellerName(l: LinkListing, i: number | string): string {
  const name = l.seller?.trim().toLowerCase();
  return name ? `${siteOf(l)}\u0000${name}` : `#${i}`;
}

export function siteOf(l: LinkListing): string {
  if (l.site) return l.site;
  try {
    return l.url ? new URL(l.url).hostname.replace(/^(www|m)\./, '') : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Links listings into seller clusters: shared (non-hub) handles, then text, in link-order.ts's order;
 * then, weaker, seller names (kin-links.ts, name-handles.ts) and ids mentioned without a cue
 * (mentions.ts), each through the cluster veto. Pure: no I/O.
 */
export function linkListings(listings: readonly LinkListing[], options: Partial<LinkOptions> = {}): LinkResult {
  const opts = { ...LINK_DEFAULTS, ...options };
  // Shingles right after handles, listing by listing, so the folded title and description are reused
  // (foldText keeps the last few); the letters of every handle are left out of the text, hubs' too
  // (a hub's id is no more a resemblance than a contact), as the store's linkFeatures does.
  const shingles: Uint32Array[] = [];
  const words: Array<ReturnType<typeof idWords>> = [];
  const handles: ContactHandle[][] = listings.map((l, i) => {
    if (i % 10_000 === 0) opts.onProgress?.('handles', i);
    const hs = extractHandles(l);
    shingles.push(
      listingShingles(
        l.title ?? '',
        l.description ?? '',
        hs.map((h) => h.key.slice(h.key.indexOf(':') + 1)),
      ),
    );
    // Id-shaped words now, while the text is folded; matched to declared ids once all are known (mentions.ts).
    if (opts.mentions) words.push(idWords(l));
    return hs;
  });
  const byHandle = new Map<string, number[]>();
  const writtenAs = new Map<string, string>();
  handles.forEach((hs, i) => {
    for (const h of hs) if (!writtenAs.has(linkKey(h))) writtenAs.set(linkKey(h), h.key);
    new Set(hs.map(linkKey)).forEach((k) => pushTo(byHandle, k, i));
  });

  const hubs: Array<{ handle: string; sellers: number }> = [];
  const hubKeys = new Set<string>();
  for (const [key, at] of byHandle) {
    const sellers = new Set(at.map((i) => sellerName(listings[i]!, i))).size;
    if (sellers <= opts.hubCap) continue;
    hubs.push({ handle: writtenAs.get(key)!, sellers });
    hubKeys.add(key);
  }
  const live = handles.map((hs) => hs.filter((h) => !hubKeys.has(linkKey(h))));

  // Document frequency by seller: a listing's seller is its first live handle, else its seller name.
  const sellerOf = listings.map((l, i) => (live[i]!.length > 0 ? linkKey(live[i]![0]!) : sellerName(l, i)));
  opts.onProgress?.('shingles', listings.length);
  const kept = distinctiveShingles(shingles, sellerOf, opts);
  const rounded = (j: number) => Math.round(j * 1000) / 1000;
  // Resemblances too weak to link alone, for the reworded relists of a cluster (cluster-relists.ts; with the names' links, as the store makes neither).
  const weak: NearDuplicatePair[] = [];
  // Vetoed candidates too: a text posted beside conflicting contacts is a template, no link for a third (templates.ts).
  const vetoed: number[] = [];
  const near = nearDuplicatePairs(
    kept,
    opts,
    (a, b) => !conflicting(live[a]!, live[b]!),
    (done) => opts.onProgress?.('near-duplicates', done),
    opts.names ? { minJaccard: opts.relistJaccard, minShared: opts.relistShared, out: weak } : undefined,
    { minShared: TEMPLATE_COPY.minShared, out: vetoed },
  );
  const template = templateVeto(vetoed, kept, live);
  const nearLinks = near.filter((p) => !template(p.a, p.b)).map((p): TextLink => ({ ...p, via: 'near-duplicate', jaccard: rounded(p.jaccard) }));
  const accountOf = listings.map((l) => (l.seller?.trim() ? sellerName(l, 0) : undefined));
  const same = sameSellerPairs(kept, accountOf, opts).map((p): TextLink => ({ ...p, via: 'same-seller', jaccard: rounded(p.jaccard) }));
  const holders = new Map([...byHandle].filter(([key, at]) => !hubKeys.has(key) && at.length > 1));
  const { sets, handleUnions, textLinks, union } = linkInOrder(listings.length, holders, live, [...nearLinks, ...same]);
  opts.onProgress?.('names', listings.length);
  const resemblance = (x: number, y: number) => {
    const shared = sharedCount(kept[x]!, kept[y]!);
    return { shared, jaccard: shared / (kept[x]!.length + kept[y]!.length - shared) };
  };
  const relists = opts.names && weak.length > 0 ? clusterRelistLinks({ weak, sets, ...clusterNames(listings, sets), resemblance, union }, opts) : [];
  const sellers = listings.map((l) => l.seller);
  const kin = opts.names
    ? kinLinks(
        { accountOf, sellers, kept, live, sets, union, hubCap: opts.hubCap, pointsBack: (i) => pointsToOwnAd(listings[i]!.title, listings[i]!.description) },
        opts,
      )
    : [];
  const spelled = opts.names ? nameHandleLinks({ sellers, accountOf, sellerOf, live, find: (i) => sets.find(i), union, hubCap: opts.hubCap }) : [];
  const mentioned = opts.mentions ? mentionPairs(words, live).filter((m) => union(m.a, m.b)) : [];

  const reasons: Array<{ at: number; reason: LinkReason }> = [];
  for (const key of new Set(handleUnions.map((u) => u.key))) {
    const at = holders.get(key)!;
    // The written forms that met under this key: "wechat:zhang_pics = wechat:zhangpics".
    const written = [...new Set(at.flatMap((i) => live[i]!.filter((h) => linkKey(h) === key).map((h) => h.key)))].sort();
    reasons.push({ at: at[0]!, reason: { by: 'handle', handle: written.join(' = '), listingIds: at.map((i) => listings[i]!.id) } });
  }
  for (const p of textLinks) {
    const ids: [string, string] = [listings[p.a]!.id, listings[p.b]!.id];
    reasons.push({ at: p.a, reason: { by: p.via, listingIds: ids, jaccard: p.jaccard, shared: p.shared } });
  }
  const idOf = (i: number) => listings[i]!.id;
  for (const r of relists) {
    const reason: LinkReason = {
      by: 'cluster-relist',
      listingIds: [idOf(r.a), idOf(r.b)],
      alike: [idOf(r.alike[0]), idOf(r.alike[1])],
      jaccard: rounded(r.jaccard),
      shared: r.shared,
    };
    reasons.push({ at: r.a, reason });
  }
  for (const k of kin) {
    const reason: LinkReason = {
      by: k.by,
      listingIds: [idOf(k.a), idOf(k.b)],
      name: k.name,
      alike: [idOf(k.alike[0]), idOf(k.alike[1])],
      jaccard: rounded(k.jaccard),
      shared: k.shared,
    };
    reasons.push({ at: k.a, reason });
  }
  for (const m of mentioned) reasons.push({ at: m.a, reason: { by: 'mention', listingIds: [idOf(m.a), idOf(m.b)], handle: m.handle } });
  for (const s of spelled) reasons.push({ at: s.a, reason: { by: 'name-handle', listingIds: [idOf(s.a), idOf(s.b)], name: s.name, handle: s.handle } });
  return { clusters: buildClusters(listings, live, sets, reasons), hubs };
}

function buildClusters(
  listings: readonly LinkListing[],
  handles: readonly ContactHandle[][],
  sets: UnionFind,
  reasons: ReadonlyArray<{ at: number; reason: LinkReason }>,
): SellerCluster[] {
  const members = new Map<number, number[]>();
  listings.forEach((_, i) => {
    pushTo(members, sets.find(i), i);
  });
  const reasonsOf = new Map<number, LinkReason[]>();
  for (const r of reasons) {
    pushTo(reasonsOf, sets.find(r.at), r.reason);
  }
  const groups = [...members.entries()].sort((x, y) => y[1].length - x[1].length || x[1][0]! - y[1][0]!);
  return groups.map(([root, at], n) => ({
    cluster: `c${n + 1}`,
    listingIds: at.map((i) => listings[i]!.id),
    handles: [...new Set(at.flatMap((i) => handles[i]!.map((h) => h.key)))].sort(),
    sites: [...new Set(at.map((i) => siteOf(listings[i]!)))].sort(),
    reasons: reasonsOf.get(root) ?? [],
  }));
}

/**
 * The listings of each cluster by root, as the clusters stand now (at most 48: a large cluster is
 * well evidenced already), and whether two clusters' seller names share a name piece (name-stems.ts).
 */
function clusterNames(
  listings: readonly LinkListing[],
  sets: UnionFind,
): { membersOf: (root: number) => readonly number[]; namesAlike: (rootA: number, rootB: number) => boolean } {
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < listings.length; i++) {
    const root = sets.find(i);
    const list = byRoot.get(root);
    if (list === undefined) byRoot.set(root, [i]);
    else if (list.length < 48) list.push(i);
  }
  const membersOf = (root: number) => byRoot.get(root) ?? [];
  const piecesOf = new Map<number, Set<string>>();
  const pieces = (root: number) => {
    let p = piecesOf.get(root);
    if (p === undefined) piecesOf.set(root, (p = new Set(membersOf(root).flatMap((i) => namePieces(listings[i]!.seller)))));
    return p;
  };
  return { membersOf, namesAlike: (a, b) => [...pieces(a)].some((p) => pieces(b).has(p)) };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
