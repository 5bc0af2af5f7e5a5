import type { Job } from 'bullmq';
import { allowedHostsOf, type RevisitJob } from '../contracts/index.js';
import { hostLimits, type FetchPolicy } from '../crawler/index.js';
import { PermanentError } from '../contracts/index.js';
import { revisitIndexPage } from './revisit-index.js';
import { revisitListing } from './revisit-listing.js';
import type { RevisitContext, RevisitDeps, RevisitOutcome } from './revisit-context.js';

/**
 * Runs one visit of a watched site. The site's settings are read from Redis on every visit (one GET):
 * a watch that was stopped, or whose config changed, takes effect at the next visit on every worker.
 */
export async function processRevisit(job: Job<RevisitJob>, deps: RevisitDeps): Promise<RevisitOutcome> {
  const { watchId, url, role } = job.data;
  const settings = await deps.queue.crawlSettings(watchId);
  if (!settings) return 'stopped';
  const { site } = settings;
  const policy: FetchPolicy = { allowedHosts: new Set(allowedHostsOf(site)), allowPrivateNetwork: site.allowPrivateNetwork, ...deps.policyOverrides };
  const robots = await deps.robots.check(url, policy);
  // A page robots.txt now forbids is left alone, and not scheduled again: the site asked us not to.
  if (!robots.allowed) {
    if (role === 'listing') return 'disallowed';
    throw new PermanentError(`${url}: ${robots.reason}`);
  }
  const ctx: RevisitContext = { watchId, site, policy, limits: hostLimits(site, robots.crawlDelayMs) };
  return role === 'index' ? revisitIndexPage(job, ctx, deps) : revisitListing(job, ctx, deps);
}
