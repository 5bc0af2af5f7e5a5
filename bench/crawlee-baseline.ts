// Crawlee, only to be measured against: same pages, same concurrency, storage in memory. Run as a
// process of its own by crawler-bench.ts (timed from spawn to exit, as faceleak's crawl is):
//   node --import tsx bench/crawlee-baseline.ts cheerio|playwright START_URL CONCURRENCY [CHROMIUM]
// prints one JSON line: {"pages", "listings", "seconds"}, listings being the unique listing URLs handled.
import { CheerioCrawler, Configuration, PlaywrightCrawler, log } from 'crawlee';
import { chromium } from 'playwright-core';

log.setLevel(log.LEVELS.OFF);

export interface CrawleeRun {
  readonly pages: number;
  /** Unique listing pages handled (the demo's /item/ and /app/ paths). */
  readonly listings: number;
  readonly seconds: number;
}

const config = () => new Configuration({ persistStorage: false, purgeOnStart: true });
const LISTING_PATH = /^\/(item|p|app)\//;

/** Counts pages, and unique listing pages, as the crawlers' handlers see them. */
function counter() {
  const listings = new Set<string>();
  let pages = 0;
  return {
    seen(url: string) {
      pages++;
      const u = new URL(url);
      if (LISTING_PATH.test(u.pathname)) listings.add(u.pathname);
    },
    result: (t0: number): CrawleeRun => ({ pages, listings: listings.size, seconds: (performance.now() - t0) / 1000 }),
  };
}

export async function crawleeCheerio(startUrl: string, concurrency: number): Promise<CrawleeRun> {
  const count = counter();
  const crawler = new CheerioCrawler(
    {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestRetries: 2,
      async requestHandler({ $, request, enqueueLinks }) {
        count.seen(request.loadedUrl ?? request.url);
        // The same reading as faceleak's extraction step, so the comparison is of crawling, not of doing less.
        void [$('h1').first().text(), $('.desc').text(), $('script[type="application/ld+json"]').text()];
        await enqueueLinks({ selector: 'a.item, a.next' });
      },
    },
    config(),
  );
  const t0 = performance.now();
  await crawler.run([startUrl]);
  return count.result(t0);
}

export async function crawleePlaywright(startUrl: string, concurrency: number, chromiumPath: string): Promise<CrawleeRun> {
  const count = counter();
  const crawler = new PlaywrightCrawler(
    {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestRetries: 2,
      launchContext: {
        launcher: chromium,
        launchOptions: {
          executablePath: chromiumPath,
          headless: true,
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
        },
      },
      async requestHandler({ page, request, enqueueLinks }) {
        count.seen(request.loadedUrl ?? request.url);
        await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
        await page.content();
        await enqueueLinks({ selector: 'a.item, a.next' });
      },
    },
    config(),
  );
  const t0 = performance.now();
  await crawler.run([startUrl]);
  return count.result(t0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [mode, startUrl, concurrency, chromiumPath] = process.argv.slice(2);
  if ((mode !== 'cheerio' && mode !== 'playwright') || !startUrl || !concurrency) {
    process.stderr.write('usage: crawlee-baseline.ts cheerio|playwright START_URL CONCURRENCY [CHROMIUM]\n');
    process.exit(2);
  }
  const run =
    mode === 'cheerio'
      ? await crawleeCheerio(startUrl, Number(concurrency))
      : await crawleePlaywright(startUrl, Number(concurrency), chromiumPath ?? '/usr/bin/chromium');
  process.stdout.write(`${JSON.stringify(run)}\n`);
  // Crawlee leaves timers behind (its autoscaled pool's snapshots); the figure is out, so end here.
  process.exit(0);
}
