import type { SiteConfig } from '../../../contracts/index.js';
import { extractListing } from '../../../extract/index.js';
import type { PageFields } from '../shared/messages.js';

/**
 * The listing fields of a page the moderator is on, read with the crawler's own extraction (site
 * selectors when the server configures the site, then JSON-LD, microdata, OpenGraph, the headings,
 * and what the page shows: its main content near the title, price markup and labels, the seller's
 * label or profile link), from the page's HTML as it is rendered now. The extraction runs here, in
 * the service worker, on a snapshot: a worker has no DOM, so the same cheerio reading as the crawler
 * serves both, and a page reads the same in the extension as in a crawl.
 */
export function readListing(html: string, url: string, fields: SiteConfig['fields'] = {}): PageFields {
  const listing = extractListing(html, url, fields);
  return { url, title: listing.title, description: listing.description, price: listing.price, seller: listing.seller, sources: listing.sources };
}

/** A site the server configures, as the extension needs it: its hosts and field selectors. */
export interface SiteSelectors {
  readonly hosts: readonly string[];
  readonly fields: SiteConfig['fields'];
}

/** The field selectors of the configured site a URL is on; none when no site matches. */
export function selectorsFor(url: string, sites: readonly SiteSelectors[]): SiteConfig['fields'] {
  let host: string;
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    return {};
  }
  return sites.find((s) => s.hosts.some((h) => h.toLowerCase() === host))?.fields ?? {};
}
