import type { Store } from './open.js';

// Claims: which listing an investigator has open in the review page, so two investigators do not work
// the same listing at once. A claim is advisory: it never blocks reading or deciding, it is shown
// ("open by ana") and the page's `j` passes over listings claimed by someone else.

/** How long opening a listing holds it. Long enough to read and decide one listing; short enough that
 * a closed tab does not hide a listing from the others for long. The page renews it while it stays open. */
export const CLAIM_MINUTES = 5;
export const CLAIM_MS = CLAIM_MINUTES * 60_000;

export interface Claim {
  readonly listingId: number;
  /** Token name of the investigator holding it. */
  readonly by: string;
  /** ISO-8601 UTC. */
  readonly until: string;
}

interface ClaimOptions {
  /** The clock (tests pass their own). */
  readonly now?: Date;
  /** How long the claim holds; CLAIM_MS by default. */
  readonly ttlMs?: number;
}

const toClaim = (r: { listing_id: number; claimed_by: string; claimed_until: string }): Claim => ({
  listingId: r.listing_id,
  by: r.claimed_by,
  until: r.claimed_until,
});

export interface ClaimAnswer extends Claim {
  /** The actor already held this listing: the claim was only renewed (nothing new to log). */
  readonly renewed: boolean;
}

/**
 * Claims a listing for `actor` (or renews the actor's claim) unless someone else holds a live one, and
 * returns the claim in force: the actor's, or the other investigator's. Null when there is no such listing.
 * The actor's claims on other listings end: a claim says which listing one has open, and one has one open.
 * One INSERT … ON CONFLICT DO UPDATE … WHERE decides, so two investigators opening together cannot both win.
 */
export async function claimListing(store: Store, listingId: number, actor: string, options: ClaimOptions = {}): Promise<ClaimAnswer | null> {
  const now = (options.now ?? new Date()).toISOString();
  const until = new Date(Date.parse(now) + (options.ttlMs ?? CLAIM_MS)).toISOString();
  return store.db.transaction().execute(async (trx) => {
    const listing = await trx.selectFrom('listings').select('id').where('id', '=', listingId).executeTakeFirst();
    if (!listing) return null;
    const before = await trx.selectFrom('claims').select('claimed_by').where('listing_id', '=', listingId).where('claimed_until', '>', now).executeTakeFirst();
    // Expired rows of anyone are dropped here too, so the table stays as small as the number of investigators.
    await trx
      .deleteFrom('claims')
      .where((eb) => eb.or([eb.and([eb('claimed_by', '=', actor), eb('listing_id', '!=', listingId)]), eb('claimed_until', '<=', now)]))
      .execute();
    await trx
      .insertInto('claims')
      .values({ listing_id: listingId, claimed_by: actor, claimed_until: until })
      .onConflict((oc) =>
        oc
          .column('listing_id')
          .doUpdateSet((eb) => ({ claimed_by: eb.ref('excluded.claimed_by'), claimed_until: eb.ref('excluded.claimed_until') }))
          .where((eb) => eb.or([eb('claims.claimed_by', '=', actor), eb('claims.claimed_until', '<=', now)])),
      )
      .execute();
    const row = await trx.selectFrom('claims').selectAll().where('listing_id', '=', listingId).executeTakeFirstOrThrow();
    return { ...toClaim(row), renewed: before?.claimed_by === actor };
  });
}

/** Ends the actor's claim on a listing (closing it); another investigator's claim stays. True when one ended. */
export async function releaseClaim(store: Store, listingId: number, actor: string): Promise<boolean> {
  const result = await store.db.deleteFrom('claims').where('listing_id', '=', listingId).where('claimed_by', '=', actor).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every claim on these listings, whoever holds it: they were decided, so there is nothing left to hold. */
export async function releaseClaims(store: Store, listingIds: readonly number[]): Promise<void> {
  if (listingIds.length === 0) return;
  await store.db.deleteFrom('claims').where('listing_id', 'in', listingIds).execute();
}

/** Live claims, of the given listings only when `listingIds` is given. */
export async function liveClaims(store: Store, listingIds?: readonly number[], now: Date = new Date()): Promise<Claim[]> {
  if (listingIds?.length === 0) return [];
  let q = store.db.selectFrom('claims').selectAll().where('claimed_until', '>', now.toISOString()).orderBy('listing_id');
  if (listingIds) q = q.where('listing_id', 'in', listingIds);
  return (await q.execute()).map(toClaim);
}
