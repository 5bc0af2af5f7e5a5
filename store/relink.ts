import type { Store } from './open.js';
import { linkStoredListing } from './sellers.js';

/** Listings read per batch while re-linking. */
const BATCH = 200;

/**
 * Re-links the listings migration 0011-relink queued (relink-migration.ts), in the order they were
 * stored, each text version in the order it was seen (old links stay: the old text was posted too), so
 * the clusters come out as the batch linker's. Each listing leaves the queue once linked: a crash
 * resumes where it stopped, and two processes opening the store together both just link (it is idempotent).
 * Returns how many were re-linked.
 */
export async function relinkPending(store: Store): Promise<number> {
  let done = 0;
  for (;;) {
    const pending = await store.db.selectFrom('relink_pending').select('listing_id').orderBy('listing_id').limit(BATCH).execute();
    if (pending.length === 0) return done;
    const ids = pending.map((r) => r.listing_id);
    const [listings, versions] = await Promise.all([
      store.db.selectFrom('listings').select(['id', 'site', 'url']).where('id', 'in', ids).execute(),
      store.db
        .selectFrom('listing_versions')
        .select(['listing_id', 'title', 'description', 'price', 'seller', 'fetched_at'])
        .where('listing_id', 'in', ids)
        .orderBy('id')
        .execute(),
    ]);
    for (const id of ids) {
      const listing = listings.find((l) => l.id === id);
      for (const v of listing ? versions.filter((x) => x.listing_id === id) : []) {
        await linkStoredListing(
          store,
          id,
          { site: listing!.site, url: listing!.url, title: v.title, description: v.description, price: v.price, seller: v.seller },
          v.fetched_at,
        );
      }
      await store.db.deleteFrom('relink_pending').where('listing_id', '=', id).execute();
      done++;
    }
  }
}
