import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import type { LiveClassifier } from './live-classifier.js';
import type { ListingWriter } from './listing-writer.js';
import { isFinalFailure } from './retry.js';
import type { CrawlPageJob } from '../contracts/index.js';
import type { CrawlPage, WorkQueue } from '../queue/index.js';
import { recordCrawlFailure, type Store } from '../store/index.js';
import { storePageListing } from './store-page-listing.js';
import type { ListingMarks } from './listing-marks.js';
import { canonicalUrl } from '../crawler/index.js';
import type { CrawlContexts } from './crawl-context.js';
import { PermanentError } from '../contracts/index.js';
import { extractListing, lacksListingText, parseHtml, type ParsedHtml } from '../extract/index.js';
import { fetchPage, hostLimits, type PageFetcher } from '../crawler/index.js';
import { discoverLinks } from '../crawler/index.js';
import { RenderLearning } from '../crawler/index.js';
import type { Robots } from '../crawler/index.js';

export interface CrawlDeps extends PageFetcher {
  readonly queue: WorkQueue;
  readonly contexts: CrawlContexts;
  readonly robots: Robots;
  readonly learning: RenderLearning;
  readonly classifier: LiveClassifier;
  readonly store: Store;
  /** Where flagged and reported pages are kept as WARC snapshots (SNAPSHOT_DIR); none: not kept. */
  readonly snapshotDir?: string;
  /** Where listings are written (the store thread); default: through `store` on this thread. */
  readonly writer?: ListingWriter;
}

export type PageOutcome = 'listing' | 'index' | 'skipped' | 'empty';

export interface PageResult {
  readonly outcome: PageOutcome;
  /** The links to follow; the crawl job (queue/crawl-job.ts) reserves and queues them, then marks the page done. */
  readonly links: readonly CrawlPage[];
}

/**
 * The page parsed once for all its readers (the listing's extraction and link discovery each parsed
 * it again). The last HTML's parse is kept, so the rendered page a `ready` check has read is not
 * parsed again either.
 */
function lastParse(): (html: string) => ParsedHtml {
  let last: { html: string; $: ParsedHtml } | null = null;
  return (html) => {
    if (last?.html !== html) last = { html, $: parseHtml(html) };
    return last.$;
  };
}

/**
 * Fetches one page of a crawl and stores its listing with a verdict; returns the links it leads to.
 * `job` is the BullMQ job carrying the page (a batch, mostly): its attempts decide final failures.
 * The listing is marked in the frontier through `marks` when given (at the job's end), else at once.
 */
export async function processPage(page: CrawlPageJob, job: Job, deps: CrawlDeps, marks?: ListingMarks): Promise<PageResult> {
  const { crawlId, url, role, depth } = page;
  const ctx = await deps.contexts.get(crawlId);
  try {
    const robots = await deps.robots.check(url, ctx.policy);
    if (!robots.allowed) throw new PermanentError(`${url}: ${robots.reason}`);
    const limits = hostLimits(ctx.site, robots.crawlDelayMs);
    const wantsListing = role === 'listing' || role === 'page';
    const pageType = RenderLearning.pageType(role, url);
    const browserFirst = ctx.site.render === 'browser' || (ctx.site.render === 'auto' && (await deps.learning.browserFirst(ctx.site.name, pageType)));

    const parsed = lastParse();
    // A rendered page is ready when it shows what this page is for: a listing's text, or links onward.
    const ready = (html: string) => {
      if (wantsListing) {
        // Rendered, the page is no longer a shell once the listing's fields show, however short they are.
        const l = extractListing(parsed(html), url, ctx.site.fields);
        return l.title !== null && l.description !== null;
      }
      const found = discoverLinks(parsed(html), url, ctx.site);
      return found.listings.length + found.next.length > 0;
    };
    let page = await fetchPage(deps, url, ctx.policy, limits, browserFirst, ready);
    const firstPage = page; // the page as served, for the evidence snapshot, when Chromium renders it next
    let listing = extractListing(parsed(page.html), page.url, ctx.site.fields);
    let links = discoverLinks(parsed(page.html), page.url, ctx.site);
    // Rendered only when the page lacks the listing's text (a shell), not when one field is missing:
    // a static page that holds its text never goes to Chromium, and never teaches the site to.
    const incomplete = wantsListing ? lacksListingText(listing) : listing.isShell && links.listings.length + links.next.length === 0;
    if (!page.rendered && ctx.site.render === 'auto') {
      if (incomplete) {
        page = await fetchPage(deps, url, ctx.policy, limits, true, ready);
        listing = extractListing(parsed(page.html), page.url, ctx.site.fields);
        links = discoverLinks(parsed(page.html), page.url, ctx.site);
      }
      await deps.learning.record(ctx.site.name, pageType, !incomplete);
    }

    const next: CrawlPage[] = [
      ...links.listings.map((u) => ({ url: u, role: 'listing' as const, depth: depth + 1 })),
      ...links.next.map((u) => ({ url: u, role: 'index' as const, depth: depth + 1 })),
      ...links.other.map((u) => ({ url: u, role: 'page' as const, depth: depth + 1 })),
    ];

    let outcome: PageOutcome = wantsListing ? 'empty' : 'index';
    if (wantsListing && (listing.title || listing.description)) {
      const canonical = canonicalUrl(page.url, ctx.site.dropParams);
      const { verdict } = await storePageListing(deps, {
        site: ctx.site.name,
        canonicalUrl: canonical,
        listing,
        pages: { first: firstPage, last: page },
        contentHash: createHash('sha256').update(page.html).digest('hex'),
        crawlId,
        fetchedAt: new Date().toISOString(),
      });
      if (marks) marks.add(canonical, verdict.flagged);
      else await deps.queue.markListing(crawlId, canonical, verdict.flagged);
      outcome = 'listing';
    }
    return { outcome, links: next };
  } catch (error) {
    if (isFinalFailure(error, job)) {
      await recordCrawlFailure(deps.store, { crawlId, site: ctx.site.name, url, reason: (error as Error).message, attempts: job.attemptsMade + 1 });
      await deps.queue.markFailed(crawlId, url);
    }
    throw error;
  }
}
