import { CheerioCrawler, Configuration, PlaywrightCrawler, log } from 'crawlee';
import { chromium } from 'playwright-core';

// Crawlee is here only to be measured against: same pages, same concurrency, storage in memory.
log.setLevel(log.LEVELS.OFF);

export interface CrawleeRun {
  readonly pages: number;
  readonly seconds: number;
}

const config = () => new Configuration({ persistStorage: false, purgeOnStart: true });

export async function crawleeCheerio(startUrl: string, concurrency: number): Promise<CrawleeRun> {
  let pages = 0;
  const crawler = new CheerioCrawler(
    {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestRetries: 2,
      async requestHandler({ $, enqueueLinks }) {
        pages++;
        // The same work as faceleak's extraction step, so the comparison is of crawling, not of doing less.
        void [$('h1').first().text(), $('.desc').text(), $('script[type="application/ld+json"]').text()];
        await enqueueLinks({ selector: 'a.item, a.next' });
      },
    },
    config(),
  );
  const t0 = performance.now();
  await crawler.run([startUrl]);
  return { pages, seconds: (performance.now() - t0) / 1000 };
}

export async function crawleePlaywright(startUrl: string, concurrency: number, chromiumPath: string): Promise<CrawleeRun> {
  let pages = 0;
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
      async requestHandler({ page, enqueueLinks }) {
        pages++;
        await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
        await page.content();
        await enqueueLinks({ selector: 'a.item, a.next' });
      },
    },
    config(),
  );
  const t0 = performance.now();
  await crawler.run([startUrl]);
  return { pages, seconds: (performance.now() - t0) / 1000 };
}
