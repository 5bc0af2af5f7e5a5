import type { Kysely } from 'kysely';
import { bridgeKeys, linkInOrder, type ContactHandle, type TextLink } from '../link/index.js';
import { inList } from './in-list.js';
import type { Database } from './schema.js';
import { commonShingles, textTest, type TextPair } from './seller-pairs.js';
import type { LinkVia } from './sellers-schema.js';

/**
 * The persisted clusters. Every listing points straight at its cluster's id (listing_sellers.cluster_id,
 * the smallest listing id in it), so "the cluster of a listing" is one indexed read for the API.
 * When a listing is added, the clusters it touches are clustered again from what the store holds, in
 * the batch linker's order (link/link-order.ts linkInOrder, which both call). Redoing the
 * touched clusters (not just joining them) is what keeps the store's clusters those of the batch
 * linker: a text link the veto refuses depends on every handle of both clusters, including handles that
 * arrive later, and a handle found generic (HUB_RULE) splits what it held together.
 */

type Db = Kysely<Database>;

interface Member {
  listing_id: number;
  cluster_id: number;
  first_seen: string;
  last_seen: string;
}

type Pair = TextPair;

/** Clusters joined through vetoed pairs are followed this many steps at most (each step is one more cluster a copied sentence reaches). */
const MAX_ROUNDS = 4;

/** Re-clusters the clusters `seeds` (ids); returns the new cluster of each listing in them and the links inserted. */
export async function recluster(db: Db, seeds: ReadonlySet<number>, cut: number, at: string): Promise<{ clusterOf: Map<number, number>; inserted: number }> {
  const { members, pairs: found } = await touched(db, seeds);
  const pairs = await retest(db, found, cut);
  const ids = members.map((m) => m.listing_id).sort((x, y) => x - y);
  const index = new Map(ids.map((id, i) => [id, i]));
  const handles = await db
    .selectFrom('listing_handles as h')
    .leftJoin('link_hubs as hub', 'hub.link_key', 'h.link_key')
    .select(['h.listing_id', 'h.handle_key', 'h.link_key', 'h.kind', 'h.raw'])
    .where(inList(db, 'h.listing_id', ids))
    .where('hub.link_key', 'is', null)
    .orderBy('h.listing_id')
    .execute();
  const live: ContactHandle[][] = ids.map(() => []);
  const holders = new Map<string, number[]>();
  for (const h of handles) {
    const i = index.get(h.listing_id)!;
    live[i]!.push({ kind: h.kind as ContactHandle['kind'], key: h.handle_key, raw: h.raw });
    const at_ = holders.get(h.link_key) ?? [];
    if (at_.at(-1) !== i) at_.push(i);
    holders.set(h.link_key, at_);
  }
  const text: TextLink[] = pairs.flatMap((p) => (index.has(p.a) && index.has(p.b) ? [{ ...p, a: index.get(p.a)!, b: index.get(p.b)! }] : []));
  const { sets, handleUnions, textLinks } = linkInOrder(ids.length, holders, live, text, await bridgesAmong(db, [...holders.keys()]));
  const links: Array<{ a: number; b: number; via: LinkVia; link_key: string; jaccard: number | null; shared: number | null }> = [
    ...handleUnions.map((u) => ({ a: ids[u.a]!, b: ids[u.b]!, via: 'handle' as const, link_key: u.key, jaccard: null, shared: null })),
    ...textLinks.map((p) => ({ ...p, a: ids[p.a]!, b: ids[p.b]!, link_key: '' })),
  ];
  const clusterOf = new Map(ids.map((id, i) => [id, ids[sets.find(i)]!]));
  // The smallest id of a part names it (union-find roots are not the smallest).
  const smallest = new Map<number, number>();
  for (const [id, root] of clusterOf) if (!smallest.has(root)) smallest.set(root, id);
  for (const [id, root] of clusterOf) clusterOf.set(id, smallest.get(root)!);
  const inserted = await write(db, members, clusterOf, links, at);
  return { clusterOf, inserted };
}

/**
 * The bridges (link/link-order.ts bridgeKeys) among these link keys, judged on every listing holding
 * them: a bridge's holders sit in clusters this re-clustering may not touch, and judged on the touched
 * ones alone it would look like an ordinary handle and join them again.
 */
async function bridgesAmong(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('listing_handles as k')
    .innerJoin('listing_handles as h', 'h.listing_id', 'k.listing_id')
    .leftJoin('link_hubs as hub', 'hub.link_key', 'h.link_key')
    .select(['k.link_key as holds', 'h.listing_id', 'h.handle_key', 'h.link_key', 'h.kind', 'h.raw'])
    .where(inList(db, 'k.link_key', keys))
    .where('hub.link_key', 'is', null)
    .orderBy('h.listing_id')
    .execute();
  const at = new Map<number, number>();
  const live: ContactHandle[][] = [];
  const holders = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (!at.has(r.listing_id)) at.set(r.listing_id, live.push([]) - 1);
    const i = at.get(r.listing_id)!;
    // One row per (key held, handle): each handle once per listing, each holder once per key.
    if (!seen.has(`${i} ${r.handle_key}`)) live[i]!.push({ kind: r.kind as ContactHandle['kind'], key: r.handle_key, raw: r.raw });
    seen.add(`${i} ${r.handle_key}`);
    const list = holders.get(r.holds) ?? [];
    if (list.at(-1) !== i) list.push(i);
    holders.set(r.holds, list);
  }
  return bridgeKeys(holders, live);
}

/**
 * The pairs that pass the text test with the boilerplate cut as it is now: a phrase found in a few
 * sellers' listings when a pair was made may be in many by now (a platform's footer), and the batch
 * linker judges every pair by the seller counts of the whole file.
 */
async function retest(db: Db, pairs: readonly Pair[], cut: number): Promise<Pair[]> {
  if (pairs.length === 0) return [];
  const ends = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const rows = await db
    .selectFrom('listing_sellers')
    .select(['listing_id', 'shingles'])
    .where(inList(db, 'listing_id', ends))
    .execute();
  const shingles = new Map(rows.map((r) => [r.listing_id, Int32Array.from(JSON.parse(r.shingles) as number[])]));
  const common = await commonShingles(db, cut, [...new Set(rows.flatMap((r) => [...shingles.get(r.listing_id)!]))]);
  return pairs.flatMap((p) => {
    const [a, b] = [shingles.get(p.a), shingles.get(p.b)];
    const now = a && b ? textTest(p.via, a, b, common) : null;
    return now ? [{ ...p, ...now }] : [];
  });
}

/** The members of the seed clusters, and of the clusters their text pairs reach (a pair the veto refused may link once re-clustered). */
async function touched(db: Db, seeds: ReadonlySet<number>): Promise<{ members: Member[]; pairs: Pair[] }> {
  const members: Member[] = [];
  const pairs = new Map<string, Pair>();
  const clusters = new Set(seeds);
  let next = [...seeds];
  for (let round = 0; round < MAX_ROUNDS && next.length > 0; round++) {
    const fresh = await db
      .selectFrom('listing_sellers')
      .select(['listing_id', 'cluster_id', 'first_seen', 'last_seen'])
      .where(inList(db, 'cluster_id', next))
      .execute();
    members.push(...fresh);
    const freshIds = fresh.map((m) => m.listing_id);
    if (freshIds.length === 0) break;
    const rows = await db
      .selectFrom('link_pairs')
      .selectAll()
      .where((eb) => eb.or([inList(db, 'a', freshIds), inList(db, 'b', freshIds)]))
      .execute();
    for (const p of rows) pairs.set(`${p.a},${p.b},${p.via}`, p);
    const known = new Set(members.map((m) => m.listing_id));
    const outside = [...new Set(rows.flatMap((p) => [p.a, p.b]).filter((id) => !known.has(id)))];
    next = [];
    if (outside.length === 0) break;
    const theirs = await db
      .selectFrom('listing_sellers')
      .select('cluster_id')
      .distinct()
      .where(inList(db, 'listing_id', outside))
      .execute();
    for (const { cluster_id } of theirs) if (!clusters.has(cluster_id)) next.push(cluster_id);
    next.forEach((c) => clusters.add(c));
  }
  return { members, pairs: [...pairs.values()] };
}

/** Writes what changed: clusters' rows, members' cluster ids, and the links (kept, moved, dropped or new). */
async function write(
  db: Db,
  members: readonly Member[],
  clusterOf: ReadonlyMap<number, number>,
  links: ReadonlyArray<{ a: number; b: number; via: LinkVia; link_key: string; jaccard: number | null; shared: number | null }>,
  at: string,
): Promise<number> {
  const oldIds = [...new Set(members.map((m) => m.cluster_id))];
  const parts = new Map<number, Member[]>();
  for (const m of members) parts.set(clusterOf.get(m.listing_id)!, [...(parts.get(clusterOf.get(m.listing_id)!) ?? []), m]);
  const gone = oldIds.filter((id) => !parts.has(id));
  if (gone.length > 0)
    await db
      .deleteFrom('seller_clusters')
      .where(inList(db, 'id', gone))
      .execute();
  await db
    .insertInto('seller_clusters')
    .values(
      [...parts].map(([id, ms]) => ({
        id,
        size: ms.length,
        first_seen: ms.map((m) => m.first_seen).reduce((x, y) => (y < x ? y : x)),
        last_seen: ms.map((m) => m.last_seen).reduce((x, y) => (y > x ? y : x)),
      })),
    )
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({ size: eb.ref('excluded.size'), first_seen: eb.ref('excluded.first_seen'), last_seen: eb.ref('excluded.last_seen') })),
    )
    .execute();
  const moved = new Map<number, number[]>();
  for (const m of members)
    if (clusterOf.get(m.listing_id) !== m.cluster_id)
      moved.set(clusterOf.get(m.listing_id)!, [...(moved.get(clusterOf.get(m.listing_id)!) ?? []), m.listing_id]);
  for (const [id, listingIds] of moved)
    await db
      .updateTable('listing_sellers')
      .set({ cluster_id: id })
      .where(inList(db, 'listing_id', listingIds))
      .execute();

  const old = await db
    .selectFrom('seller_links')
    .select(['id', 'a', 'b', 'via', 'link_key', 'cluster_id'])
    .where(inList(db, 'cluster_id', oldIds))
    .execute();
  const keyOf = (l: { a: number; b: number; via: string; link_key: string }) => `${l.a},${l.b},${l.via},${l.link_key}`;
  const wanted = new Map(links.map((l) => [keyOf(l), l]));
  const drop = old.filter((l) => !wanted.has(keyOf(l))).map((l) => l.id);
  if (drop.length > 0)
    await db
      .deleteFrom('seller_links')
      .where(inList(db, 'id', drop))
      .execute();
  const relabel = new Map<number, number[]>();
  for (const l of old) {
    const cluster = clusterOf.get(l.a);
    if (wanted.has(keyOf(l)) && cluster !== l.cluster_id) relabel.set(cluster!, [...(relabel.get(cluster!) ?? []), l.id]);
    wanted.delete(keyOf(l));
  }
  for (const [id, linkIds] of relabel)
    await db
      .updateTable('seller_links')
      .set({ cluster_id: id })
      .where(inList(db, 'id', linkIds))
      .execute();
  if (wanted.size === 0) return 0;
  await db
    .insertInto('seller_links')
    .values([...wanted.values()].map((l) => ({ ...l, cluster_id: clusterOf.get(l.a)!, created_at: at })))
    .onConflict((oc) => oc.columns(['a', 'b', 'via', 'link_key']).doNothing())
    .execute();
  return wanted.size;
}
