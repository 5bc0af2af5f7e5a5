import type { Job } from 'bullmq';
import type { RevisitJob } from '../contracts/index.js';
import { discoverLinks, fetchConditional } from '../crawler/index.js';
import type { RevisitContext, RevisitDeps, RevisitOutcome } from './revisit-context.js';

/**
 * One index or search page of a poll: fetched conditionally (a 304 ends the poll there: nothing new on
 * it), its unknown listings queued for a first visit now, and its next page followed only when this
 * page showed something new. Marketplaces list newest first, so a poll reads as deep as the new
 * listings go instead of the whole index; the first poll of a watch, when everything is new, reads it
 * all. A listing that appears only deep in an index the site does not sort by date is found when a
 * page before it changes.
 */
export async function revisitIndexPage(job: Job<RevisitJob>, ctx: RevisitContext, deps: RevisitDeps): Promise<RevisitOutcome> {
  const { watchId, url } = job.data;
  // A poll is named by when it began: the scheduler's job has due 0 and its own timestamp; its next pages carry it on.
  const poll = job.data.due || job.timestamp;
  const validators = await deps.schedule.indexValidators(watchId, url);
  const r = await fetchConditional(deps, url, ctx.policy, ctx.limits, validators, null);
  await deps.schedule.count(watchId, { index_polls: 1, conditional_requests: validators ? 1 : 0 });
  if (r.kind === 'not-modified') {
    await deps.schedule.count(watchId, { index_not_modified: 1 });
    return 'not-modified';
  }
  if (r.kind === 'gone') return 'index-gone';
  const links = discoverLinks(r.page.html, r.page.url, ctx.site);
  const fresh = await deps.schedule.addNewListings(watchId, links.listings, poll);
  if (fresh.length > 0) for (const next of links.next) await deps.schedule.addIndexPage(watchId, next, poll);
  // Saved after the listings are queued: a crash before this makes the retry read the page in full again.
  await deps.schedule.setIndexValidators(watchId, url, r.page.validators);
  await deps.schedule.count(watchId, { listings_found: fresh.length });
  return 'polled';
}
