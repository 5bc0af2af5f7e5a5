import { sql, type RawBuilder } from 'kysely';
import type { Store } from './open.js';

/**
 * Marks a listing taken down. The first time it was seen gone is kept: a later revisit that finds it
 * still gone (a retried job, another worker) changes nothing. Returns whether this call marked it.
 */
export async function markTakenDown(store: Store, listingId: number, at: string, reason: string): Promise<boolean> {
  const r = await store.db
    .updateTable('listings')
    .set({ taken_down_at: at, takedown_reason: reason, checked_at: at })
    .where('id', '=', listingId)
    .where('taken_down_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface TakedownRecord {
  readonly firstSeenAt: string;
  readonly takenDownAt: string | null;
  readonly reason: string | null;
}

/** Takedown state of some listings (a page of the queue or of an export), one query. */
export async function takedownsOf(store: Store, ids: readonly number[]): Promise<Map<number, TakedownRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await store.db.selectFrom('listings').select(['id', 'first_seen_at', 'taken_down_at', 'takedown_reason']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { firstSeenAt: r.first_seen_at, takenDownAt: r.taken_down_at, reason: r.takedown_reason }]));
}

/** Upper bounds (seconds) of the time-to-takedown buckets /metrics exports: 1 h, 6 h, 1 d, 3 d, 7 d, 30 d, 90 d. */
export const TAKEDOWN_BUCKETS = [3600, 21_600, 86_400, 259_200, 604_800, 2_592_000, 7_776_000] as const;

export interface TakedownStats {
  readonly site: string;
  readonly category: string | null;
  /** Listings seen gone, and the sum of their times to takedown (s). */
  readonly count: number;
  readonly sumSeconds: number;
  /** Per TAKEDOWN_BUCKETS bound, how many were taken down within it (cumulative, as Prometheus buckets are). */
  readonly buckets: readonly number[];
}

/** Seconds from first seen to first seen gone, in each dialect's date arithmetic (times are ISO-8601 text). */
const secondsToTakedown = (store: Store): RawBuilder<number> =>
  store.dialect === 'postgres'
    ? sql<number>`extract(epoch from (taken_down_at::timestamptz - first_seen_at::timestamptz))`
    : sql<number>`(julianday(taken_down_at) - julianday(first_seen_at)) * 86400.0`;

/** Time to takedown per site and category, aggregated in the database (one row per pair, however many listings). */
export async function takedownStats(store: Store): Promise<TakedownStats[]> {
  const secs = secondsToTakedown(store);
  const rows = await store.db
    .selectFrom('listings')
    .select((eb) => [
      'site',
      'category',
      eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${secs})`.as('total'),
      ...TAKEDOWN_BUCKETS.map((le, i) => sql<number>`sum(case when ${secs} <= ${sql.lit(le)} then 1 else 0 end)`.as(`b${i}`)),
    ])
    .where('taken_down_at', 'is not', null)
    .groupBy(['site', 'category'])
    .execute();
  return rows.map((r) => {
    const row = r as unknown as Record<string, unknown>;
    return {
      site: r.site,
      category: r.category,
      count: Number(r.n),
      sumSeconds: Number(r.total ?? 0),
      buckets: TAKEDOWN_BUCKETS.map((_, i) => Number(row[`b${i}`] ?? 0)),
    };
  });
}
