import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import { revisitIntervals, type RevisitJob } from '../contracts/index.js';
import { canonicalUrl, fetchConditional, fetchPage, type FetchedPage } from '../crawler/index.js';
import { extractListing, lacksListingText } from '../extract/index.js';
import { markTakenDown, recordRevisit, revisitState, type RevisitState } from '../store/index.js';
import { storePageListing } from './store-page-listing.js';
import { isFinalFailure } from './retry.js';
import type { RevisitContext, RevisitDeps, RevisitOutcome } from './revisit-context.js';

/** Outcomes after which the listing is not visited again. */
const GONE_FOR_GOOD = new Set<RevisitOutcome>(['taken-down', 'already-down', 'gone-before-stored']);

/**
 * One visit of a watched listing, then the next one queued (unless it was taken down or the site has
 * no listing interval). The request carries the last full fetch's ETag and Last-Modified, so an
 * unchanged page costs a 304; a 200 whose content hash is the stored one is unchanged too and is not
 * extracted, classified nor stored again. A changed page is stored as a new version with a new verdict.
 * 404, 410, or a redirect to the site's removedPattern marks it taken down, with the time first seen gone.
 */
export async function revisitListing(job: Job<RevisitJob>, ctx: RevisitContext, deps: RevisitDeps): Promise<RevisitOutcome> {
  const { url } = job.data;
  // Checked before fetching, so a listing found by two overlapping index polls is visited once, not twice.
  if (!(await deps.schedule.isChainHead(job.data.watchId, url, job.data.due))) return 'stray';
  const canonical = canonicalUrl(url, ctx.site.dropParams);
  const state = await revisitState(deps.store, ctx.site.name, canonical);
  if (state?.takenDownAt) return 'already-down';
  let outcome: RevisitOutcome;
  try {
    outcome = await visit(url, canonical, state, ctx, deps);
  } catch (error) {
    // A listing that fails for good this time (5xx all day, a timeout) is still watched: the next visit may find it.
    if (isFinalFailure(error, job)) await scheduleNext(job, ctx, deps);
    throw error;
  }
  if (!GONE_FOR_GOOD.has(outcome)) await scheduleNext(job, ctx, deps);
  return outcome;
}

async function scheduleNext(job: Job<RevisitJob>, ctx: RevisitContext, deps: RevisitDeps): Promise<void> {
  const listingMs = revisitIntervals(ctx.site)?.listingMs ?? null;
  if (listingMs !== null) await deps.schedule.addNextVisit(job.data.watchId, job.data.url, job.data.due, listingMs);
}

async function visit(url: string, canonical: string, state: RevisitState | null, ctx: RevisitContext, deps: RevisitDeps): Promise<RevisitOutcome> {
  const { watchId, site } = ctx;
  const removed = site.removedPattern ? new RegExp(site.removedPattern) : null;
  const validators = state && (state.etag || state.lastModified) ? { etag: state.etag, lastModified: state.lastModified } : null;
  const r = await fetchConditional(deps, url, ctx.policy, ctx.limits, validators, removed);
  const now = new Date().toISOString();
  await deps.schedule.count(watchId, { listing_visits: 1, conditional_requests: validators ? 1 : 0 });
  if (r.kind === 'gone') {
    // A listing never stored (gone between the index poll and its first visit) has nothing to mark.
    if (!state) return 'gone-before-stored';
    const marked = await markTakenDown(deps.store, state.listingId, now, r.reason);
    if (marked) await deps.schedule.count(watchId, { taken_down: 1 });
    return marked ? 'taken-down' : 'already-down';
  }
  if (r.kind === 'not-modified') {
    if (state) await recordRevisit(deps.store, state.listingId, now, null);
    await deps.schedule.count(watchId, { listing_not_modified: 1 });
    return 'not-modified';
  }
  // The hash is of the static page, on every visit: what the next visit compares with.
  const contentHash = createHash('sha256').update(r.page.html).digest('hex');
  if (state && state.contentHash === contentHash) {
    await recordRevisit(deps.store, state.listingId, now, r.page.validators ?? null);
    await deps.schedule.count(watchId, { listing_unchanged: 1 });
    return 'unchanged';
  }
  const page = await renderedIfShell(r.page, url, ctx, deps);
  const listing = extractListing(page.html, page.url, site.fields);
  if (!listing.title && !listing.description) return 'empty';
  // Stored as a crawled page is (linked to its seller; a snapshot when flagged); the hash is the static page's.
  const { saved } = await storePageListing(deps, {
    site: site.name,
    canonicalUrl: canonical,
    listing,
    pages: { first: r.page, last: page },
    contentHash,
    crawlId: watchId,
    fetchedAt: now,
  });
  await recordRevisit(deps.store, saved.listingId, now, r.page.validators ?? null);
  await deps.schedule.count(watchId, saved.isNew ? { listing_new: 1 } : { listing_changed: 1 });
  return saved.isNew ? 'new' : 'changed';
}

/** A static page without the listing's text is rendered in Chromium (unless the site is static-only), as a crawl does. */
async function renderedIfShell(page: FetchedPage, url: string, ctx: RevisitContext, deps: RevisitDeps): Promise<FetchedPage> {
  if (ctx.site.render === 'static' || !lacksListingText(extractListing(page.html, page.url, ctx.site.fields))) return page;
  const ready = (html: string) => {
    const l = extractListing(html, url, ctx.site.fields);
    return l.title !== null && l.description !== null;
  };
  return fetchPage(deps, url, ctx.policy, ctx.limits, true, ready);
}
