import type { DecidedListing } from '../contracts/index.js';
import type { Store } from './open.js';

/**
 * Listings whose current decision is confirmed or dismissed: investigators' labels for the next
 * model. Escalated ones are still open questions and are left out. The text is unmasked because the
 * model must learn from what sellers actually write; it is read in memory and never written out.
 */
export async function decidedListings(store: Store): Promise<DecidedListing[]> {
  const rows = await store.db
    .selectFrom('listings as l')
    .select((eb) => [
      'l.id',
      'l.title',
      'l.description',
      'l.price',
      'l.flagged',
      'l.category',
      'l.decision',
      eb
        .selectFrom('reports as r')
        .select('r.suspected_category')
        .whereRef('r.listing_id', '=', 'l.id')
        .where('r.suspected_category', 'is not', null)
        .orderBy('r.created_at', 'desc')
        .limit(1)
        .as('suspected'),
    ])
    .where('l.decision', 'in', ['confirmed', 'dismissed'])
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    price: r.price,
    flagged: r.flagged === 1,
    category: r.category,
    suspectedCategory: r.suspected ?? null,
    decision: r.decision as DecidedListing['decision'],
  }));
}
