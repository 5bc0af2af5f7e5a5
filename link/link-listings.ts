import { extractHandles } from './contact-handles.js';
import { linkKey } from './handle-rules.js';
import { distinctiveShingles, NEAR_DUPLICATE_DEFAULTS, nearDuplicatePairs, type NearDuplicateOptions } from './near-duplicates.js';
import { listingShingles } from './shingles.js';
import type { ContactHandle, LinkListing, LinkReason, SellerCluster } from './types.js';
import { UnionFind } from './union-find.js';

export interface LinkOptions extends NearDuplicateOptions {
  /** A handle on listings of more than this many different sellers is generic (a shared agent, a template's number): it links nobody. */
  readonly hubCap: number;
  readonly onProgress?: (stage: string, done: number) => void;
}

export const LINK_DEFAULTS: LinkOptions = { ...NEAR_DUPLICATE_DEFAULTS, hubCap: 6 };

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

/** Links listings into seller clusters: shared (non-hub) handles, then near-duplicate text. Pure: no I/O. */
export function linkListings(listings: readonly LinkListing[], options: Partial<LinkOptions> = {}): LinkResult {
  const opts = { ...LINK_DEFAULTS, ...options };
  const handles: ContactHandle[][] = listings.map((l, i) => {
    if (i % 10_000 === 0) opts.onProgress?.('handles', i);
    return extractHandles(l);
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

  const sets = new UnionFind(listings.length);
  const reasons: Array<{ at: number; reason: LinkReason }> = [];
  for (const [key, at] of byHandle) {
    if (hubKeys.has(key) || at.length < 2) continue;
    let merged = false;
    for (const i of at.slice(1)) merged = sets.union(at[0]!, i) || merged;
    if (!merged) continue;
    // The written forms that met under this key: "wechat:zhang_pics = wechat:zhangpics".
    const written = [...new Set(at.flatMap((i) => live[i]!.filter((h) => linkKey(h) === key).map((h) => h.key)))].sort();
    reasons.push({ at: at[0]!, reason: { by: 'handle', handle: written.join(' = '), listingIds: at.map((i) => listings[i]!.id) } });
  }

  // Document frequency by seller: a listing's seller is its first live handle, else its seller name.
  const sellerOf = listings.map((l, i) => (live[i]!.length > 0 ? linkKey(live[i]![0]!) : sellerName(l, i)));
  const shingles = listings.map((l, i) =>
    listingShingles(
      l.title ?? '',
      l.description ?? '',
      live[i]!.map((h) => h.key.slice(h.key.indexOf(':') + 1)),
    ),
  );
  opts.onProgress?.('shingles', listings.length);
  const kept = distinctiveShingles(shingles, sellerOf, opts);
  const pairs = nearDuplicatePairs(
    kept,
    opts,
    (a, b) => !conflicting(live[a]!, live[b]!),
    (done) => opts.onProgress?.('near-duplicates', done),
  );
  for (const p of pairs) {
    if (!sets.union(p.a, p.b)) continue;
    const ids: [string, string] = [listings[p.a]!.id, listings[p.b]!.id];
    reasons.push({ at: p.a, reason: { by: 'near-duplicate', listingIds: ids, jaccard: Math.round(p.jaccard * 1000) / 1000, shared: p.shared } });
  }
  return { clusters: buildClusters(listings, live, sets, reasons), hubs };
}

/**
 * Two listings that both name a contact of the same kind, and share none, are taken to be different
 * sellers however alike their text: sellers copy each other's ads, and the handle is the identity.
 */
export function conflicting(a: readonly ContactHandle[], b: readonly ContactHandle[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const keysA = new Set(a.map(linkKey));
  if (b.some((h) => keysA.has(linkKey(h)))) return false;
  const kindsA = new Set(a.map((h) => h.kind));
  return b.some((h) => kindsA.has(h.kind));
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

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
