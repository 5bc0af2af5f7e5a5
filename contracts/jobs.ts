import { z } from 'zod';

/**
 * Payloads of the work queue. They hold ids and URLs, never page bodies: Redis keeps what a
 * worker needs to redo the work, the database keeps what was found.
 */
export const CrawlPageJobSchema = z.object({
  kind: z.literal('crawl-page'),
  crawlId: z.string().min(1),
  url: z.string().url(),
  /** start and index pages are followed for links; listing pages are extracted and classified; page: unknown, both. */
  role: z.enum(['start', 'index', 'listing', 'page']),
  depth: z.number().int().min(0),
});
export type CrawlPageJob = z.infer<typeof CrawlPageJobSchema>;

/** A moderator's report, stored by the server; the job carries only its id. */
export const ReportJobSchema = z.object({
  kind: z.literal('report'),
  reportId: z.string().uuid(),
});
export type ReportJob = z.infer<typeof ReportJobSchema>;

/** A code-word discovery run over the stored listings (scheduled daily by the server, or queued by hand). */
export const DiscoverJobSchema = z.object({
  kind: z.literal('discover'),
  /** Read listings fetched in the last this many days (default: all). */
  sinceDays: z.number().int().positive().optional(),
});
export type DiscoverJob = z.infer<typeof DiscoverJobSchema>;

/**
 * A page of a watched site fetched again (`faceleak watch`): an index page polled for new listings, or a
 * known listing fetched conditionally for edits and takedowns. `watchId` names the site settings in Redis;
 * `due` (ms) is when this visit was scheduled, from which the next one's time and job id follow, so a
 * retried job schedules the same next visit instead of a second one.
 */
export const RevisitJobSchema = z.object({
  kind: z.literal('revisit'),
  watchId: z.string().min(1),
  role: z.enum(['index', 'listing']),
  url: z.string().url(),
  due: z.number().int().min(0),
});
export type RevisitJob = z.infer<typeof RevisitJobSchema>;

export const WorkJobSchema = z.discriminatedUnion('kind', [CrawlPageJobSchema, ReportJobSchema, DiscoverJobSchema, RevisitJobSchema]);
export type WorkJob = z.infer<typeof WorkJobSchema>;

/** BullMQ job names, one per kind. */
export const JOB_NAMES = { 'crawl-page': 'crawl-page', report: 'report', discover: 'discover', revisit: 'revisit' } as const satisfies Record<
  WorkJob['kind'],
  string
>;
