import type { Store } from './open.js';

/** What a revisit of a stored listing starts from: the validators and content hash of its last full fetch. */
export interface RevisitState {
  readonly listingId: number;
  readonly contentHash: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Set once the listing was seen gone; a taken-down listing is not fetched again. */
  readonly takenDownAt: string | null;
}

export async function revisitState(store: Store, site: string, canonicalUrl: string): Promise<RevisitState | null> {
  const row = await store.db
    .selectFrom('listings')
    .select(['id', 'content_hash', 'etag', 'last_modified', 'taken_down_at'])
    .where('site', '=', site)
    .where('canonical_url', '=', canonicalUrl)
    .executeTakeFirst();
  return row ? { listingId: row.id, contentHash: row.content_hash, etag: row.etag, lastModified: row.last_modified, takenDownAt: row.taken_down_at } : null;
}

/**
 * Records a revisit that found the listing live: the check time, and the validators of this response
 * when it carried any (a 304 may repeat them or send fresher ones; null leaves the stored ones).
 */
export async function recordRevisit(
  store: Store,
  listingId: number,
  checkedAt: string,
  validators: { etag: string | null; lastModified: string | null } | null,
): Promise<void> {
  await store.db
    .updateTable('listings')
    .set({
      checked_at: checkedAt,
      ...(validators?.etag ? { etag: validators.etag } : {}),
      ...(validators?.lastModified ? { last_modified: validators.lastModified } : {}),
    })
    .where('id', '=', listingId)
    .execute();
}
