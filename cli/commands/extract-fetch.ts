import { loadConfig } from '../../config/index.js';
import { allowedHostsOf, type SiteConfig } from '../../contracts/index.js';
import { BrowserPool, fetchPage, hostLimits, HostGate, parseSiteConfig, Robots } from '../../crawler/index.js';
import { extractListing, lacksListingText, type ExtractedListing } from '../../extract/index.js';
import { connectRedis, redisKeys, resolveRedisUrl } from '../../queue/index.js';
import { UsageError } from '../fatal.js';

/** A page read for `faceleak extract`: where it was read from, what was extracted, whether Chromium drew it. */
export interface ExtractedPage {
  readonly url: string;
  readonly listing: ExtractedListing;
  readonly rendered: boolean;
}

/**
 * Fetches one page for `faceleak extract` through the crawl's own machinery: robots.txt (cached in
 * Redis as a crawl caches it), the per-host gate, the guarded HTTP client with its SSRF rules, and
 * Chromium only when the static page lacks the listing's text. Without a site config the page's host
 * is the one allowed host, on public addresses only.
 */
export async function fetchForExtract(url: string, given: SiteConfig | null): Promise<ExtractedPage> {
  const site = given ?? parseSiteConfig({ name: 'extract', startUrls: [url] }, 'the page');
  const policy = { allowedHosts: new Set(allowedHostsOf(site)), allowPrivateNetwork: site.allowPrivateNetwork };
  if (!policy.allowedHosts.has(new URL(url).host.toLowerCase()))
    throw new UsageError(`${url} is not on a host of site ${site.name} (${[...policy.allowedHosts].join(', ')})`);
  const config = loadConfig();
  const redisUrl = await resolveRedisUrl(config, (m) => process.stderr.write(`faceleak: ${m}\n`));
  const redis = connectRedis(redisUrl);
  const keys = redisKeys(config.queuePrefix);
  const browser = new BrowserPool({ chromiumPath: config.chromiumPath, networkIsolation: config.chromiumNetworkIsolation });
  const fetcher = { gate: new HostGate(redis, keys), browser };
  try {
    const robots = await new Robots(redis, keys).check(url, policy);
    if (!robots.allowed) throw new UsageError(`${url}: ${robots.reason}`);
    const limits = hostLimits(site, robots.crawlDelayMs);
    const ready = (html: string) => {
      const l = extractListing(html, url, site.fields);
      return l.title !== null && l.description !== null;
    };
    let page = await fetchPage(fetcher, url, policy, limits, site.render === 'browser', ready);
    let listing = extractListing(page.html, page.url, site.fields);
    if (!page.rendered && site.render === 'auto' && lacksListingText(listing)) {
      page = await fetchPage(fetcher, url, policy, limits, true, ready);
      listing = extractListing(page.html, page.url, site.fields);
    }
    return { url: page.url, listing, rendered: page.rendered };
  } catch (error) {
    // A refused or failed fetch is the user's to see in one line, not a stack.
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot fetch ${url}: ${(error as Error).message}`);
  } finally {
    await browser.close();
    redis.disconnect();
  }
}
