import type { Store } from './open.js';

export interface ListingCount {
  flagged: boolean;
  category: string | null;
  decision: string | null;
  n: number;
}

/** Listings counted by flag, category and decision: what /metrics reports as the review backlog. */
export async function listingCounts(store: Store): Promise<ListingCount[]> {
  const rows = await store.db
    .selectFrom('listings')
    .select((eb) => ['flagged', 'category', 'decision', eb.fn.countAll<number>().as('n')])
    .groupBy(['flagged', 'category', 'decision'])
    .execute();
  return rows.map((r) => ({ flagged: r.flagged === 1, category: r.category, decision: r.decision, n: Number(r.n) }));
}

/** Reports counted by status. */
export async function reportCounts(store: Store): Promise<{ status: string; n: number }[]> {
  const rows = await store.db
    .selectFrom('reports')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}
