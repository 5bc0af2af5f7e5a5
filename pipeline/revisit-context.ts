import type { SiteConfig } from '../contracts/index.js';
import type { FetchPolicy, HostLimits } from '../crawler/index.js';
import type { CrawlDeps } from './crawl-page.js';
import type { RevisitSchedule } from './revisit-schedule.js';

// What the visits of a watched site share (revisit-job.ts runs them; revisit-index.ts and revisit-listing.ts do them).

export interface RevisitDeps extends CrawlDeps {
  readonly schedule: RevisitSchedule;
  /** Test seam: tighter fetch limits, as for crawl pages. */
  readonly policyOverrides?: Partial<FetchPolicy>;
}

/** What one visit of a watched page needs: the site as configured now, its fetch policy and host limits. */
export interface RevisitContext {
  readonly watchId: string;
  readonly site: SiteConfig;
  readonly policy: FetchPolicy;
  readonly limits: HostLimits;
}

export type RevisitOutcome =
  | 'stopped'
  | 'disallowed'
  | 'not-modified'
  | 'index-gone'
  | 'polled'
  | 'unchanged'
  | 'changed'
  | 'new'
  | 'empty'
  | 'taken-down'
  | 'already-down'
  | 'gone-before-stored'
  /** A copy of a visit that is not its listing's chain head (two index polls found it at once, a late echo): it fetches nothing. */
  | 'stray';
