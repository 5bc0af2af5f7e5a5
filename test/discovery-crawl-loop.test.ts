import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/index.js';
import { parseSiteConfig } from '../crawler/index.js';
import { demoSiteConfig, startDemoMarket, type DemoListing } from '../demo/index.js';
import { drained, runCrawl, runDiscovery, startPipelineWorker, LiveClassifier } from '../pipeline/index.js';
import { connectRedis, WorkQueue } from '../queue/index.js';
import { buildApp } from '../server/app.js';
import { createToken, listingsOfCrawl, openStore } from '../store/index.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { PLANTED_OFFERS, PLANTED_TERM, storeBenignBackground } from './fixtures/planted-jargon.js';

// The planted offers as a market sells them, and two ordinary listings beside them.
const OFFERS: DemoListing[] = PLANTED_OFFERS.map(([title, description, price], i) => ({
  id: `p${i}`,
  title,
  description,
  price,
  seller: `卖家${i}`,
  lang: 'zh',
  expected: 'flag',
  page: 'static',
}));
const ORDINARY: DemoListing[] = [
  {
    id: 'o1',
    title: '二手山地车 二十一速',
    description: '九成新，可小刀，同城自提',
    price: '¥450',
    seller: '老李',
    lang: 'zh',
    expected: 'benign',
    page: 'static',
  },
  {
    id: 'o2',
    title: '纯棉四件套 1.8m床',
    description: '全棉磨毛，亲肤不起球，包邮',
    price: '¥199',
    seller: '家纺店',
    lang: 'zh',
    expected: 'benign',
    page: 'static',
  },
];

describe('code-word discovery closes the loop over real crawls', () => {
  const scope = crawlTestScope();
  let browser: Browser;
  beforeAll(async () => {
    // No skip when Chromium is missing: launch throws and the test fails, as it should.
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  });
  afterAll(() => browser?.close());

  it('a crawl misses an offer in new jargon; discovery proposes the word, an investigator approves it in the review page, and the next crawl flags that offer with the word as evidence, server and workers still running', async () => {
    scope.market = await startDemoMarket({ listings: [...OFFERS, ...ORDINARY] });
    const config = testConfig('discovery-loop');
    scope.prefix = config.queuePrefix;
    const site = parseSiteConfig(demoSiteConfig(scope.market.origin));
    const base = Classifier.load();
    const store = await openStore(config);
    await storeBenignBackground(store, base);
    const queue = new WorkQueue(connectRedis(TEST_REDIS_URL), config.queuePrefix);
    // One worker and one server for the whole test: the approved word must reach them without a restart.
    const worker = await startPipelineWorker({ config, redisUrl: TEST_REDIS_URL, concurrency: 2, classifier: base, store, overlayCheckMs: 300 });
    const app = buildApp({ store, queue, redis: queue.redis });
    const context = await browser.newContext();
    const crawl = async () => {
      const { crawlId } = await runCrawl({ config, redisUrl: TEST_REDIS_URL, site, enqueueOnly: true });
      await expect
        .poll(
          async () => {
            const p = await queue.progress(crawlId);
            return drained(p) ? p : null;
          },
          { timeout: 30_000, interval: 200 },
        )
        .toMatchObject({ listings: OFFERS.length + ORDINARY.length, failed: 0 });
      const verdicts = new Map<string, { flagged: boolean; reasons: string[] }>();
      for await (const l of listingsOfCrawl(store, crawlId))
        verdicts.set(l.title ?? '', { flagged: l.verdict!.flagged, reasons: l.verdict!.evidence.map((e) => e.reason) });
      return verdicts;
    };
    try {
      const first = await crawl();
      const missed = OFFERS.filter((o) => !first.get(o.title)!.flagged).map((o) => o.title);
      // The market's new word is what the missed offer rests on; without it the classifier lets it pass.
      expect(missed.length).toBeGreaterThan(0);

      const live = new LiveClassifier(base, store, 60_000);
      try {
        expect((await runDiscovery({ store, classifier: live })).added).toBeGreaterThan(0);
      } finally {
        live.close();
      }

      const token = await createToken(store, 'inv-loop', 'investigator');
      await app.listen({ port: 0, host: '127.0.0.1' });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
      await page.getByLabel('Access token').fill(token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Suggested terms' }).click();
      const row = page.locator('#suggestion-rows tr', { has: page.locator('th', { hasText: new RegExp(`^${PLANTED_TERM}$`) }) });
      await row.getByRole('group').getByRole('button', { name: 'Approve' }).click();
      await row.waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('#status').textContent()).toContain(`Approved “${PLANTED_TERM}”`);

      // The worker's classifier takes the overlay up on its own timer; then the next crawl reads the same pages again.
      const missedOffer = OFFERS.find((o) => o.title === missed[0])!;
      await expect.poll(() => worker.deps.classifier.classify(missedOffer).flagged, { timeout: 10_000 }).toBe(true);
      const second = await crawl();
      for (const title of missed) {
        expect(second.get(title)).toMatchObject({ flagged: true });
        expect(second.get(title)!.reasons).toContainEqual(expect.stringMatching(new RegExp(`^approved term: ${PLANTED_TERM}`)));
      }
      for (const o of ORDINARY) expect(second.get(o.title)!.flagged).toBe(false);
    } finally {
      await context.close();
      await app.close();
      await worker.close();
      await queue.close();
      queue.redis.disconnect();
      await store.close();
    }
  }, 120_000);
});
