import { z } from 'zod';

import { HttpUrlSchema as httpUrl } from './http-url.js';
import { RevisitSchema } from './revisit-interval.js';

/** A marketplace to crawl, as written by a trust-and-safety team (JSON). */
const cssSelector = z.string().min(1, 'must be a CSS selector');

const regex = z.string().refine((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

export const SiteConfigSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, . _ - (at most 64)'),
    startUrls: z.array(httpUrl).min(1, 'needs at least one URL'),
    /** Default: the hosts of startUrls. */
    allowedHosts: z.array(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name, optionally with :port')).optional(),
    /** true only for local or test sites: lets the crawler reach loopback and private addresses. */
    allowPrivateNetwork: z.boolean().default(false),
    render: z.enum(['static', 'browser', 'auto']).default('auto'),
    rateLimit: z
      .object({
        requestsPerSecond: z.number().positive().max(1000).default(1),
        maxConcurrency: z.number().int().min(1).max(100).default(2),
      })
      .strict()
      .default({ requestsPerSecond: 1, maxConcurrency: 2 }),
    links: z.object({ listing: cssSelector.optional(), next: cssSelector.optional() }).strict().default({}),
    /** Regex a URL must match to be taken as a listing page (instead of, or beside, links.listing). */
    listingUrlPattern: regex.optional(),
    dropParams: z.array(z.string().min(1)).default([]),
    /** How often a watched site is polled and its listings fetched again (`faceleak watch`); absent: never. */
    revisit: RevisitSchema.optional(),
    /** Regex on the URL a listing answers from: a redirect there means the listing was taken down (as 404/410 do). */
    removedPattern: regex.optional(),
    fields: z
      .object({ title: cssSelector, description: cssSelector, price: cssSelector, seller: cssSelector, images: cssSelector })
      .partial()
      .strict()
      .default({}),
  })
  .strict();

export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** The hosts a site may be crawled on (allowedHosts, or the hosts of its start URLs), lower case. */
export function allowedHostsOf(site: SiteConfig): string[] {
  return (site.allowedHosts ?? site.startUrls.map((u) => new URL(u).host)).map((h) => h.toLowerCase());
}
