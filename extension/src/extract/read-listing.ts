import { load, type CheerioAPI } from 'cheerio';
import type { SiteConfig } from '../../../contracts/index.js';
import { extractListing } from '../../../crawler/extract/extract-listing.js';
import { FURNITURE_SELECTOR } from '../../../crawler/extract/furniture.js';
import type { PageFields } from '../shared/messages.js';

/**
 * The listing fields of a page the moderator is on, read with the crawler's own extraction (site
 * selectors when the server configures the site, then JSON-LD, microdata, OpenGraph, the heading and
 * the title), from the page's HTML as it is rendered now. A page with no structured description (most
 * small shops) gets its readable text instead: the longest block of prose on the page.
 */
export function readListing(html: string, url: string, fields: SiteConfig['fields'] = {}): PageFields {
  const listing = extractListing(html, url, fields);
  let description = listing.description;
  const sources = [...listing.sources];
  if (!description) {
    description = readableText(load(html));
    if (description) sources.push('readable-text');
  }
  return { url, title: listing.title, description, price: listing.price, seller: listing.seller, sources };
}

// Elements whose own text is prose; inline children (links, emphasis) count as part of it.
const BLOCKS = 'p, li, dd, td, pre, blockquote, article, section, main, div';
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'br', 'cite', 'code', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);
const MIN_CHARS = 20;
const MAX_CHARS = 20_000;

/**
 * The longest text held directly by one block (not its nested blocks), at least MIN_CHARS long; null
 * if none. Page furniture (menus, footers, privacy notes) is never the listing's text.
 */
export function readableText($: CheerioAPI): string | null {
  let best = '';
  $('body').find(BLOCKS).each((_, element) => {
    if ($(element).closest(FURNITURE_SELECTOR).length > 0) return;
    const own = $(element)
      .contents()
      .toArray()
      .map((node) => {
        // domhandler nodes: 3 is text, 1 an element; a nested block counts as a break, not as own text.
        if (node.nodeType === 3) return (node as { data: string }).data;
        return node.nodeType === 1 && INLINE.has((node as { name: string }).name) ? $(node).text() : ' ';
      })
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (own.length > best.length) best = own;
  });
  return best.length >= MIN_CHARS ? best.slice(0, MAX_CHARS) : null;
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
