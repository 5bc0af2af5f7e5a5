import { isAppId, isRenewed, linkKey } from './handle-rules.js';
import type { ContactHandle } from './types.js';
import { UnionFind } from './union-find.js';

/**
 * The order links are made in, said once for the batch linker (link-listings.ts) and the store's
 * re-clustering (store/seller-clusters.ts), so both find the same clusters from the same links:
 *  1. every live handle joins all its holders (a hub's handle is not live: the caller leaves it out),
 *     unless it is a bridge (bridgeKeys);
 *  2. near-duplicate text pairs, strongest first, each only through the cluster veto (clusterVeto);
 *  3. same-account relists, in listing order, through the same veto.
 * Strongest first, so a weak resemblance cannot claim a listing for the wrong cluster before a strong one.
 * Indices are listing positions 0..n-1 (the store maps its ids to positions in id order, the order
 * listings arrived in, which is the batch's file order).
 */

export interface TextLink {
  readonly a: number;
  readonly b: number;
  readonly via: 'near-duplicate' | 'same-seller';
  /** Rounded to 3 decimals (as reported and stored), so both callers sort ties alike. */
  readonly jaccard: number;
  readonly shared: number;
}

export interface OrderedLinks {
  readonly sets: UnionFind;
  /** Each union a handle made: its link key, its first holder, and the holder joined to it. */
  readonly handleUnions: ReadonlyArray<{ readonly key: string; readonly a: number; readonly b: number }>;
  /** The text links that joined two clusters, in the order they were made. */
  readonly textLinks: readonly TextLink[];
  /** The vetoed union the text links went through, for links made after them (kin-links.ts). */
  readonly union: (a: number, b: number) => boolean;
}

/**
 * `holders`: link key → positions holding it (ascending), live handles only; `live[i]`: the live
 * handles of position i (for the veto); `text`: every text pair that passed its test; `bridges`: the
 * bridge keys among all holders, when the caller sees only some of them (the store re-clusters a few clusters).
 */
export function linkInOrder(
  n: number,
  holders: ReadonlyMap<string, readonly number[]>,
  live: readonly (readonly ContactHandle[])[],
  text: readonly TextLink[],
  bridges: ReadonlySet<string> = bridgeKeys(holders, live),
): OrderedLinks {
  const sets = new UnionFind(n);
  const handleUnions: Array<{ key: string; a: number; b: number }> = [];
  for (const [key, at] of holders) {
    if (bridges.has(key)) continue;
    for (const i of at.slice(1)) if (sets.union(at[0]!, i)) handleUnions.push({ key, a: at[0]!, b: i });
  }
  // A bridge shared is no identity shared: left in, it would stop the veto between the sellers it names.
  const textUnion = clusterVeto(sets, bridges.size === 0 ? live : live.map((hs) => hs.filter((h) => !bridges.has(linkKey(h)))));
  const near = text.filter((p) => p.via === 'near-duplicate').sort((x, y) => y.jaccard - x.jaccard || x.a - y.a || x.b - y.b);
  const same = text.filter((p) => p.via === 'same-seller').sort((x, y) => x.a - y.a || x.b - y.b);
  const textLinks = [...near, ...same].filter((p) => textUnion(p.a, p.b));
  return { sets, handleUnions, textLinks, union: textUnion };
}

/** Distinct ids of one family a handle's holders may name besides it: a seller keeps a spare id or two. */
const MAX_IDS_BESIDE = 2;

/**
 * Handles that link nobody because their holders name too many other identities: a number held with
 * three different WeChat ids (or QQ numbers, phones, e-mails) is a platform's or an agent's line that
 * the hotline patterns and the hub cap (a count of seller names, six) let through in a small batch, and
 * would chain strangers into one cluster. A seller giving one id beside its phone on every site, or two
 * ids (cardkit777 and cardkit888 beside card_kit_cn), still links. Aliases (display names) count for nothing.
 */
export function bridgeKeys(holders: ReadonlyMap<string, readonly number[]>, live: readonly (readonly ContactHandle[])[]): Set<string> {
  const bridges = new Set<string>();
  for (const [key, at] of holders) {
    if (at.length <= MAX_IDS_BESIDE) continue;
    const beside = new Map<string, Set<string>>();
    for (const i of at)
      for (const h of live[i]!) {
        const family = kindFamily(h);
        const other = linkKey(h);
        if (family === undefined || other === key) continue;
        const ids = beside.get(family) ?? new Set<string>();
        ids.add(other);
        beside.set(family, ids);
      }
    if ([...beside.values()].some((ids) => ids.size > MAX_IDS_BESIDE)) bridges.add(key);
  }
  return bridges;
}

/**
 * A union for text links that refuses to join two clusters whose handles conflict (see conflicting):
 * pairwise checks alone let a copied stock sentence chain a stranger to a seller through a relist
 * that gives no contact, or one that names another kind of contact.
 */
export function clusterVeto(sets: UnionFind, live: readonly (readonly ContactHandle[])[]): (a: number, b: number) => boolean {
  // Per cluster root, its handles by link key (one each: a seller's fifty relists hold one handle).
  const held = new Map<number, Map<string, ContactHandle>>();
  live.forEach((hs, i) => {
    if (hs.length === 0) return;
    const root = sets.find(i);
    const mine = held.get(root) ?? new Map<string, ContactHandle>();
    for (const h of hs) keepContact(mine, h);
    held.set(root, mine);
  });
  return (a, b) => {
    const ra = sets.find(a);
    const rb = sets.find(b);
    if (ra === rb) return false;
    const ha = held.get(ra);
    const hb = held.get(rb);
    if (ha && hb && conflicting([...ha.values()], [...hb.values()])) return false;
    sets.union(a, b);
    held.delete(ra);
    held.delete(rb);
    const merged = ha && hb ? new Map(ha) : (ha ?? hb);
    if (ha && hb) for (const h of hb.values()) keepContact(merged!, h);
    if (merged) held.set(sets.find(a), merged);
    return true;
  };
}

/**
 * One handle per link key, a contact before an alias: "tg:kyc_88" and the seller name "kyc88" share a
 * key, and the alias (which vetoes nothing) must not stand for the Telegram name, which does.
 */
function keepContact(held: Map<string, ContactHandle>, h: ContactHandle): void {
  const key = linkKey(h);
  if (h.kind !== 'alias' || !held.has(key)) held.set(key, h);
}

/**
 * Two listings that both name a contact of the same kind, and share none, are taken to be different
 * sellers however alike their text: sellers copy each other's ads, and the handle is the identity.
 */
export function conflicting(a: readonly ContactHandle[], b: readonly ContactHandle[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const keysA = new Set(a.map(linkKey));
  if (b.some((h) => keysA.has(linkKey(h)))) return false;
  // A contact announced as the new one (after a ban) is no other seller's: it vetoes nothing, on either side.
  const kindsA = new Set(a.filter((h) => !isRenewed(h)).map(kindFamily));
  kindsA.delete(undefined);
  return b.some((h) => !isRenewed(h) && kindsA.has(kindFamily(h)));
}

/**
 * The kind two listings' handles are compared as: WeChat, Telegram, LINE and KakaoTalk ids are one (linkKey
 * already joins an id across apps, so two different ids are two identities whichever app each names);
 * an alias is no contact and vetoes nothing (undefined matches no other family).
 */
function kindFamily(h: ContactHandle): string | undefined {
  if (h.kind === 'alias') return undefined;
  return isAppId(h) ? 'id' : h.kind;
}
