import { sql, type Kysely, type SqliteDatabase } from 'kysely';
import { keptShingles, LINK_DEFAULTS, nearDuplicateKept, sameSellerPairs, sharedCount, type LinkFeatures } from '../link/index.js';
import { inList, isPostgres } from './in-list.js';
import type { Database } from './schema.js';
import type { BandIndex } from './band-index.js';
import { candidatesBuilt, candidatesOfNearest, candidatesSqlite, MAX_CANDIDATES, SAME_ACCOUNT_ALL_PAIRS, type Candidate } from './seller-candidates.js';
import { runPerRow } from './sqlite-rows.js';

type Db = Kysely<Database>;

/**
 * `sqlite`: the store's SQLite handle (Store.sqlite), through which SQLite's rows are written one by one;
 * `bandIndex`: the store's (Store.bandIndex), whence the near-duplicate candidates when it answers.
 */
export interface PairTextOptions {
  readonly sellerKey: string;
  readonly cut: number;
  readonly sqlite?: SqliteDatabase;
  readonly bandIndex?: BandIndex;
}

/**
 * Finds and keeps (link_pairs) the text pairs a listing makes, by the tests the batch linker applies:
 * near-duplicates among the listings its MinHash bands meet (link/incremental.ts nearDuplicate), and
 * relists by its account (same site and seller name, link/same-seller.ts) at the lower threshold.
 * Pairs are kept whatever the handles say: the cluster veto decides when clustering (seller-clusters.ts),
 * with the handles live then.
 */
export async function pairText(db: Db, listingId: number, f: LinkFeatures, { sellerKey, cut, sqlite, bandIndex }: PairTextOptions): Promise<TextPairs> {
  if (f.shingles.length === 0) return { partners: [], stale: [], pairs: [] };
  const stale = await staleClusters(db, await countShingles(db, f.shingles, sellerKey, cut));
  // PostgreSQL keeps the bands in the same statement as the candidates' read (seller-candidates.ts);
  // SQLite cannot, and needs no round trip.
  const pgBands = isPostgres(db) && f.bands.length > 0;
  // SQLite: a statement prepared once, run for each band (sqlite-rows.ts): no query built per listing.
  if (!pgBands && f.bands.length > 0) {
    const inserted = await runPerRow(
      db,
      sqlite,
      'insert into link_bands (band, listing_id) values (?, ?) on conflict (band, listing_id) do nothing',
      f.bands.map((band) => [band, listingId]),
    );
    bandIndex?.record(listingId, f.bands, inserted);
  }
  // A listing without a seller name has a '#id' name of its own (link/link-listings.ts sellerName): nobody's relist.
  const named = !f.sellerName.startsWith('#');
  const account = named ? f.sellerName : '';
  const candidates = await readCandidates(db, listingId, f, account, pgBands, bandIndex);
  // PostgreSQL answers a boolean, SQLite 0 or 1.
  const near = new Set(candidates.filter((c) => Boolean(c.near)).map((c) => c.listing_id));
  // The cut only takes shingles away, so a pair sharing too few before it cannot pass after it: its
  // shingles' seller counts need not be read (most band candidates share a band by chance).
  const texts = new TextMemo();
  const sides = candidates
    .map((c) => ({ ...c, shingles: texts.parse(c.shingles) }))
    .filter((c) => sharedCount(f.shingles, c.shingles) >= (named && c.seller_name === f.sellerName ? LINK_DEFAULTS.sameSellerShared : LINK_DEFAULTS.minShared));
  if (sides.length === 0) return { partners: [], stale, pairs: [] };
  // Every shingle once, in the order they first appear (the listing's, then each side's): a side of a
  // text already met adds none, so only distinct texts are walked.
  const all = new Set<number>(f.shingles);
  for (const shingles of new Set(sides.map((s) => s.shingles))) for (const s of shingles) all.add(s);
  const common = await commonShingles(db, cut, [...all]);
  // Counted before the filter above: how many listings the account has decides whether it is compared as a chain.
  const ofAccount = candidates.filter((s) => named && s.seller_name === f.sellerName);
  const relists = new Set(
    (ofAccount.length < SAME_ACCOUNT_ALL_PAIRS ? ofAccount : ofAccount.filter((s) => s.listing_id < listingId).slice(-1)).map((s) => s.listing_id),
  );
  const pairs: TextPair[] = [];
  // This listing's kept shingles are the same in every pair: made once (they were made for each test).
  const isCommon = (s: number) => common.has(s);
  const own = keptShingles(f.shingles, isCommon);
  for (const side of sides) {
    const [a, b] = side.listing_id < listingId ? [side.listing_id, listingId] : [listingId, side.listing_id];
    for (const via of ['near-duplicate', 'same-seller'] as const) {
      if (!(via === 'near-duplicate' ? near : relists).has(side.listing_id)) continue;
      const found = texts.test(via, own, side.shingles, isCommon);
      if (found) pairs.push({ a, b, via, ...found });
    }
  }
  if (pairs.length === 0) return { partners: [], stale, pairs };
  await keepPairs(db, pairs, sqlite);
  const partners = new Set(pairs.map((p) => (p.a === listingId ? p.b : p.a)));
  return { partners: [...new Set(sides.filter((s) => partners.has(s.listing_id)).map((s) => s.cluster_id))], stale, pairs };
}

/** PostgreSQL's built query; on SQLite the band index's nearest when it answers, else the written-out statement. */
async function readCandidates(db: Db, listingId: number, f: LinkFeatures, account: string, pgBands: boolean, bandIndex?: BandIndex): Promise<Candidate[]> {
  if (isPostgres(db)) return candidatesBuilt(db, listingId, f, account, pgBands);
  const nearest = bandIndex?.nearest(listingId, f.bands, MAX_CANDIDATES);
  return nearest ? candidatesOfNearest(db, listingId, nearest, account) : candidatesSqlite(db, listingId, f, account);
}

/**
 * Keeps text pairs, a pair found again taking its new figures. SQLite runs one prepared single-row
 * statement per pair (sqlite-rows.ts): a statement of a row per pair (dozens for a relisted text) was
 * built, and prepared, afresh for each listing, as its SQL changed with the count, and one JSON array
 * for all kept a statement journal; PostgreSQL keeps the statement it had.
 */
async function keepPairs(db: Db, pairs: readonly TextPair[], sqlite: SqliteDatabase | undefined): Promise<void> {
  if (isPostgres(db)) {
    await db
      .insertInto('link_pairs')
      .values(pairs)
      .onConflict((oc) => oc.columns(['a', 'b', 'via']).doUpdateSet((eb) => ({ jaccard: eb.ref('excluded.jaccard'), shared: eb.ref('excluded.shared') })))
      .execute();
    return;
  }
  await runPerRow(
    db,
    sqlite,
    `insert into link_pairs (a, b, via, jaccard, shared) values (?, ?, ?, ?, ?)
      on conflict (a, b, via) do update set jaccard = excluded.jaccard, shared = excluded.shared`,
    pairs.map((p) => [p.a, p.b, p.via, p.jaccard, p.shared]),
  );
}

export interface TextPairs {
  /** The clusters of the listings it makes a pair with. */
  readonly partners: number[];
  /** Clusters whose text links its shingles may have undone (staleClusters). */
  readonly stale: number[];
  readonly pairs: TextPair[];
}

export interface TextPair {
  readonly a: number;
  readonly b: number;
  readonly via: 'near-duplicate' | 'same-seller';
  readonly jaccard: number;
  readonly shared: number;
}

/**
 * The pairwise text test of the batch linker, on shingles less those `common` holds (boilerplate by
 * the seller count now). Handles are left to the cluster veto: whether one vetoes depends on the hubs
 * found by the time the clusters are made.
 */
export function textTest(via: TextPair['via'], a: Int32Array, b: Int32Array, common: ReadonlySet<number>): { jaccard: number; shared: number } | null {
  const isCommon = (s: number) => common.has(s);
  return keptTest(via, keptShingles(a, isCommon), keptShingles(b, isCommon));
}

/**
 * One listing's pairText tests against its candidates, once per distinct text: candidates often share
 * a text (an ad copied or relisted again and again, each copy a candidate), and parsing their shingles,
 * keeping them and testing them was most of pairText's own time on the store thread in a crawl of the
 * demo market (48 texts over thousands of listings). Sides with one text are one parsed array, so the
 * later steps key on it. Each result depends only on the text (the listing's side is the same in every
 * test of one call), so it is the same as when computed per candidate.
 */
class TextMemo {
  private readonly parsed = new Map<string, Int32Array>();
  private readonly kept = new Map<Int32Array, Uint32Array>();
  private readonly tested = { 'near-duplicate': new Map<Int32Array, TestResult>(), 'same-seller': new Map<Int32Array, TestResult>() };

  /** The shingles of a stored JSON array (listing_sellers.shingles). */
  parse(json: string): Int32Array {
    let shingles = this.parsed.get(json);
    if (!shingles) this.parsed.set(json, (shingles = Int32Array.from(JSON.parse(json) as number[])));
    return shingles;
  }

  /** keptTest of `own` (kept) against a side's shingles (from `parse`), kept by `isCommon`. */
  test(via: TextPair['via'], own: Uint32Array, theirs: Int32Array, isCommon: (s: number) => boolean): TestResult {
    const done = this.tested[via];
    if (done.has(theirs)) return done.get(theirs)!;
    let kept = this.kept.get(theirs);
    if (!kept) this.kept.set(theirs, (kept = keptShingles(theirs, isCommon)));
    const found = keptTest(via, own, kept);
    done.set(theirs, found);
    return found;
  }
}

type TestResult = { jaccard: number; shared: number } | null;

/** textTest on shingles already kept (link/incremental.ts keptShingles). */
function keptTest(via: TextPair['via'], a: Uint32Array, b: Uint32Array): TestResult {
  if (via === 'near-duplicate') return nearDuplicateKept(a, b);
  // Both sides are of one account here (the caller chose them): the account names are the same.
  const [p] = sameSellerPairs([a, b], ['one', 'one'], LINK_DEFAULTS);
  return p ? { jaccard: Math.round(p.jaccard * 1000) / 1000, shared: p.shared } : null;
}

/** Records that `sellerKey` wrote these shingles: each shingle's seller count grows once per seller. */
async function countShingles(db: Db, shingles: Int32Array, sellerKey: string, cut: number): Promise<number[]> {
  const list = JSON.stringify([...shingles]);
  let counts: Array<{ shingle: number; sellers: number }>;
  if (isPostgres(db)) {
    // One round trip: the seller's new shingles and their counts in one statement.
    counts = (
      await sql<{ shingle: number; sellers: number }>`
        with fresh as (
          insert into shingle_sellers (shingle, seller_key)
          select s::integer, ${sellerKey} from jsonb_array_elements_text(${list}::jsonb) as s
          on conflict do nothing returning shingle
        )
        insert into shingle_df (shingle, sellers) select shingle, 1 from fresh
        on conflict (shingle) do update set sellers = shingle_df.sellers + 1
        returning shingle, sellers`.execute(db)
    ).rows;
  } else {
    // "where true": SQLite's parser needs it between a SELECT and ON CONFLICT.
    const fresh = (
      await sql<{ shingle: number }>`
        insert into shingle_sellers (shingle, seller_key) select value, ${sellerKey} from json_each(${list}) where true
        on conflict do nothing returning shingle`.execute(db)
    ).rows;
    counts =
      fresh.length === 0
        ? []
        : (
            await sql<{ shingle: number; sellers: number }>`
              insert into shingle_df (shingle, sellers) select value, 1 from json_each(${JSON.stringify(fresh.map((r) => r.shingle))}) where true
              on conflict (shingle) do update set sellers = sellers + 1 returning shingle, sellers`.execute(db)
          ).rows;
  }
  const crossed = counts.filter((r) => r.sellers === cut + 1).map((r) => r.shingle);
  return crossed;
}

/**
 * The clusters whose text links its shingles may have undone: a shingle just made boilerplate was
 * rarer when those links were made, and the batch linker counts the whole file. Only a cluster holding
 * a text link at a listing whose seller wrote the shingle can change: a shingle made common only takes
 * from a pair's figures, so a pair the test or the veto refused stays refused, and handle links do
 * not read text. Clusters joined by handles alone are not clustered again.
 */
async function staleClusters(db: Db, crossed: readonly number[]): Promise<number[]> {
  if (crossed.length === 0) return [];
  const rows = await db
    .selectFrom('shingle_sellers as ss')
    .innerJoin('listing_sellers as s', 's.seller_key', 'ss.seller_key')
    .innerJoin('seller_links as l', (join) =>
      join
        .onRef('l.cluster_id', '=', 's.cluster_id')
        .on('l.via', '!=', 'handle')
        .on((eb) => eb.or([eb('l.a', '=', eb.ref('s.listing_id')), eb('l.b', '=', eb.ref('s.listing_id'))])),
    )
    .select('s.cluster_id')
    .distinct()
    .where(inList(db, 'ss.shingle', crossed))
    .execute();
  return rows.map((r) => r.cluster_id);
}

/** The shingles among these that more sellers wrote than the cut allows (boilerplate). */
export async function commonShingles(db: Db, cut: number, shingles: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  if (shingles.length === 0) return out;
  // One parameter however many shingles (a listing and its candidates have thousands): a JSON array
  // both databases unpack, instead of a parameter each (slow to bind in PostgreSQL, capped in SQLite).
  const list = JSON.stringify(shingles);
  const rows = await db
    .selectFrom('shingle_df')
    .select('shingle')
    .where(
      isPostgres(db)
        ? sql<boolean>`shingle = any(array(select jsonb_array_elements_text(${list}::jsonb)::integer))`
        : sql<boolean>`shingle in (select value from json_each(${list}))`,
    )
    .where('sellers', '>', cut)
    .execute();
  for (const r of rows) out.add(r.shingle);
  return out;
}
