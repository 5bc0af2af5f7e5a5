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

export const WorkJobSchema = z.discriminatedUnion('kind', [CrawlPageJobSchema]);
export type WorkJob = z.infer<typeof WorkJobSchema>;

/** BullMQ job names, one per kind. */
export const JOB_NAMES = { 'crawl-page': 'crawl-page' } as const satisfies Record<WorkJob['kind'], string>;
