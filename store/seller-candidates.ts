import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { LinkFeatures } from '../link/index.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/** Near-duplicate candidates compared per listing at most, those sharing the most bands first: a mass relist's buckets stay bounded. */
export const MAX_CANDIDATES = 100;

/** Listings of one account compared pair by pair up to this many; past it only with the one before (link/same-seller.ts compares a chain). */
export const SAME_ACCOUNT_ALL_PAIRS = 24;

/** A listing a new one is compared with: `near` when it came by the bands (PostgreSQL answers a boolean, SQLite 0 or 1). */
export interface Candidate {
  readonly listing_id: number;
  readonly cluster_id: number;
  readonly shingles: string;
  readonly seller_name: string;
  readonly near: boolean | number;
}

/**
 * The same query as candidatesBuilt, written out for SQLite with the bands as one JSON parameter: its
 * text never changes, so the statement cache prepares it once, and no query is built and compiled per
 * listing (Kysely's building was a tenth of pairText's time on the store thread in a static crawl).
 * Whether a row came by the bands is carried through one UNION ALL rather than asked of `nearest` a
 * second time (about a fifth less time for the statement on a demo crawl's store). No band: json_each
 * of [] meets no row, as candidatesBuilt's 1 = 0.
 */
export async function candidatesSqlite(db: Db, listingId: number, f: LinkFeatures, account: string): Promise<Candidate[]> {
  const nearest = sql`
    select listing_id, 1 as near from link_bands
    where band in (select value from json_each(${JSON.stringify(f.bands)})) and listing_id != ${listingId}
    group by listing_id order by count(*) desc, listing_id desc limit ${MAX_CANDIDATES}`;
  return withAccount(db, nearest, listingId, account);
}

/**
 * candidatesSqlite with its `nearest` already known (the store thread's band index, band-index.ts: the
 * same listings in any order, as they are only matched here): the account's listings and the rows read
 * as there.
 */
export async function candidatesOfNearest(db: Db, listingId: number, nearest: readonly number[], account: string): Promise<Candidate[]> {
  return withAccount(db, sql`select value as listing_id, 1 as near from json_each(${JSON.stringify(nearest)})`, listingId, account);
}

/** The `nearest` rows (listing_id, near = 1) with the account's latest listings, read from listing_sellers: the two SQLite queries' common part. */
async function withAccount(db: Db, nearest: RawBuilder<unknown>, listingId: number, account: string): Promise<Candidate[]> {
  const { rows } = await sql<Candidate>`
    with nearest as (${nearest}),
    account as (
      select listing_id, 0 as near from listing_sellers where seller_name = ${account} and listing_id != ${listingId}
      order by listing_id desc limit ${SAME_ACCOUNT_ALL_PAIRS}
    ),
    chosen as (select listing_id, max(near) as near from (select * from nearest union all select * from account) group by listing_id)
    select s.listing_id, s.cluster_id, s.shingles, s.seller_name, chosen.near
    from chosen join listing_sellers s on s.listing_id = chosen.listing_id
    order by s.listing_id`.execute(db);
  return rows;
}

/**
 * One query: the listings sharing the most bands with this one (the likeliest near-duplicates, found
 * from the band index alone), and its account's latest listings (a placeholder name, "用户", may be on
 * thousands). `account`: its seller name, '' for a listing without one (nobody's relist). `withBands`:
 * PostgreSQL keeps the listing's bands in the same statement (a data-modifying CTE, whose rows the read
 * does not see: it leaves this listing out anyway). Built with Kysely for PostgreSQL; SQLite ran it too
 * before candidatesSqlite (a test compares the two).
 */
export function candidatesBuilt(db: Db, listingId: number, f: LinkFeatures, account: string, withBands: boolean): Promise<Candidate[]> {
  const bands = (q: Db) =>
    q
      .insertInto('link_bands')
      .values(f.bands.map((band) => ({ band, listing_id: listingId })))
      .onConflict((oc) => oc.columns(['band', 'listing_id']).doNothing());
  return (
    (withBands ? (db.with('kept_bands', (qb) => bands(qb as Db)) as unknown as Db) : db)
      .with('nearest', (qb) =>
        qb
          .selectFrom('link_bands')
          .select('listing_id')
          .where('band', 'in', f.bands.length > 0 ? [...f.bands] : [0])
          .where('listing_id', '!=', listingId)
          // No band: no near-duplicate candidate (an empty IN list is no SQL).
          .$if(f.bands.length === 0, (q) => q.where(sql<boolean>`1 = 0`))
          .groupBy('listing_id')
          .orderBy((eb) => eb.fn.countAll(), 'desc')
          .orderBy('listing_id', 'desc')
          .limit(MAX_CANDIDATES),
      )
      .with('account', (qb) =>
        qb
          .selectFrom('listing_sellers')
          .select('listing_id')
          .where('seller_name', '=', account)
          .where('listing_id', '!=', listingId)
          .orderBy('listing_id', 'desc')
          .limit(SAME_ACCOUNT_ALL_PAIRS),
      )
      .selectFrom('listing_sellers')
      .select((eb) => ['listing_id', 'cluster_id', 'shingles', 'seller_name', eb('listing_id', 'in', eb.selectFrom('nearest').select('listing_id')).as('near')])
      // One IN over a UNION: an OR of two INs had PostgreSQL scan every row of listing_sellers.
      .where('listing_id', 'in', (eb) => eb.selectFrom('nearest').select('listing_id').union(eb.selectFrom('account').select('listing_id')))
      .orderBy('listing_id')
      .execute()
  );
}
