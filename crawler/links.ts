import { allowedHostsOf, type CrawlPageJob, type SiteConfig } from '../contracts/index.js';
import { looksLikeListingUrl, parseHtml, type ParsedHtml } from '../extract/index.js';
import { canonicalUrl } from './canonical-url.js';

export interface DiscoveredLinks {
  /** Pages that hold one listing each. */
  readonly listings: string[];
  /** Further index pages (pagination). */
  readonly next: string[];
  /** Other pages on the site, when the config names neither listing links nor a listing pattern. */
  readonly other: string[];
}

/**
 * Links to follow from a page, canonical and on the site's allowed hosts only. `source` is the page's
 * HTML, or the page parsed once by parseHtml (the crawl reads its listing from the same parse).
 */
export function discoverLinks(source: string | ParsedHtml, pageUrl: string, site: SiteConfig): DiscoveredLinks {
  const $ = typeof source === 'string' ? parseHtml(source) : source;
  const hosts = new Set(allowedHostsOf(site));
  const pattern = site.listingUrlPattern ? new RegExp(site.listingUrlPattern) : null;
  const resolve = (href: string | undefined): string | null => {
    if (!href) return null;
    try {
      const u = new URL(href, pageUrl);
      if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !hosts.has(u.host.toLowerCase())) return null;
      return canonicalUrl(u, site.dropParams);
    } catch {
      return null;
    }
  };
  const hrefs = (selector: string) =>
    $(selector)
      .toArray()
      .map((e) => resolve($(e).attr('href')))
      .filter((u): u is string => u !== null);
  const listings = new Set<string>(site.links.listing ? hrefs(site.links.listing) : []);
  const all = hrefs('a[href]');
  if (pattern) for (const u of all) if (pattern.test(u)) listings.add(u);
  const next = new Set(hrefs(site.links.next ?? 'a[rel="next"], link[rel="next"]'));
  const self = canonicalUrl(pageUrl, site.dropParams);
  const generic = !site.links.listing && !pattern;
  const other = generic ? all.filter((u) => !next.has(u) && u !== self) : [];
  return { listings: [...listings].filter((u) => u !== self), next: [...next].filter((u) => u !== self), other: [...new Set(other)] };
}

/**
 * The role of a start URL: `listing` when it matches the site's listingUrlPattern, `page` (extracted
 * and followed) when the site has no pattern but the URL looks like one listing's page, else `start`.
 */
export function startRole(url: string, site: SiteConfig): CrawlPageJob['role'] {
  if (site.listingUrlPattern)
    return new RegExp(site.listingUrlPattern).test(canonicalUrl(url, site.dropParams)) || new RegExp(site.listingUrlPattern).test(url) ? 'listing' : 'start';
  return looksLikeListingUrl(url) ? 'page' : 'start';
}
