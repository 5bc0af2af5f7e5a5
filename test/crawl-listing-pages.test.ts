import { afterEach, describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/index.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { drained, runCrawl } from '../pipeline/run-crawl.js';
import { startPipelineWorker } from '../pipeline/pipeline-worker.js';
import { connectRedis, WorkQueue } from '../queue/index.js';
import { listingsOfCrawl, openStore, type ListingWithVerdict } from '../store/index.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { startServer, type TestServer } from './helpers/http-server.js';
import { TEST_REDIS_URL } from './helpers/redis.js';

/**
 * Crawls of a small loopback market whose listing pages look like real ones: scripts, an empty
 * <div id="root"> a widget left, no og:description, no site selectors. Every page holds its
 * listing's text, so none may go to Chromium (BrowserPool counts its renders); and a start URL that
 * is itself a listing is extracted.
 */

const classifier = Classifier.load();
const scope = crawlTestScope();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ITEMS = [
  {
    id: 1,
    title: '手持身份证照 一套三张',
    text: '每套含手持证件半身照一张，正反面各一张，清晰无遮挡，批量有优惠，拍下后私聊发货。',
    price: '¥8/套',
    seller: '夜行小鹿',
  },
  {
    id: 2,
    title: 'Vintage film camera 35mm',
    text: 'Lightly used 35mm film camera with its original strap and case, tested with a roll of film, shutter fires at all speeds.',
    price: 'US $119.00',
    seller: 'camera_attic',
  },
  {
    id: 3,
    title: 'Kinderfiets 16 inch, blauw',
    text: 'Kinderfiets van 16 inch met zijwieltjes, blauw. Banden zijn nog goed, bel werkt. Ophalen in Utrecht, alleen contante betaling.',
    price: '€ 20,-',
    seller: 'Jan de Vries',
  },
];

function listingPage(i: (typeof ITEMS)[number]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${i.title} | Loopback Market</title><script src="/static/app.js"></script><script>window.__x = 1;</script></head>
<body><header class="site-header"><nav><a href="/">Home</a> <a href="/login">Sign in</a></nav></header><div id="root"></div>
<main><h1>${i.title}</h1><div class="price-box"><span class="price">${i.price}</span></div>
<section class="listing-body"><p>${i.text}</p></section><div class="seller">Seller: <a href="/user/${i.seller}">${i.seller}</a></div></main>
<footer><p>© 2026 Loopback Market. Privacy · Terms · Cookies</p></footer></body></html>`;
}

async function startMarket(): Promise<TestServer> {
  return startServer((req, res) => {
    const url = req.url ?? '/';
    const item = ITEMS.find((i) => url === `/item/${i.id}`);
    if (url === '/robots.txt') res.writeHead(404).end();
    else if (url === '/static/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end('');
    else if (url === '/')
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<html><body><ul>${ITEMS.map((i) => `<li><a href="/item/${i.id}">${i.title}</a></li>`).join('')}</ul></body></html>`);
    else if (item) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listingPage(item));
    else res.writeHead(404).end();
  });
}

/** Crawls with a worker of this test's own, so its BrowserPool's render count can be read. */
async function crawl(name: string, siteJson: Record<string, unknown>, seeds?: string[]): Promise<{ rows: ListingWithVerdict[]; rendered: number }> {
  const config = testConfig(name);
  scope.prefix = config.queuePrefix;
  const site = parseSiteConfig(siteJson);
  const { crawlId } = await runCrawl({ config, redisUrl: TEST_REDIS_URL, site, seeds, enqueueOnly: true });
  const worker = await startPipelineWorker({ config, redisUrl: TEST_REDIS_URL, concurrency: 2, classifier });
  const redis = connectRedis(TEST_REDIS_URL);
  const queue = new WorkQueue(redis, config.queuePrefix);
  try {
    for (let i = 0; ; i++) {
      const p = await queue.progress(crawlId);
      if (drained(p)) break;
      if (i > 300) throw new Error(`crawl not drained: ${JSON.stringify(p)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await queue.close();
    redis.disconnect();
  }
  const rendered = worker.deps.browser.pagesRendered;
  await worker.close();
  const store = await openStore(config);
  const rows: ListingWithVerdict[] = [];
  for await (const r of listingsOfCrawl(store, crawlId)) rows.push(r);
  await store.close();
  return { rows, rendered };
}

const siteOf = (origin: string, extra: Record<string, unknown> = {}) => ({
  name: 'loopback-market',
  startUrls: [`${origin}/`],
  allowPrivateNetwork: true,
  render: 'auto',
  rateLimit: { requestsPerSecond: 50, maxConcurrency: 4 },
  ...extra,
});

describe('crawling static listing pages that hold their text', () => {
  it('renders none of them in Chromium, and stores each with its price as data', async () => {
    server = await startMarket();
    const { rows, rendered } = await crawl('static-text', siteOf(server.origin, { listingUrlPattern: '/item/\\d+$' }));
    expect(rendered).toBe(0);
    expect(rows.map((r) => r.title).sort()).toEqual(ITEMS.map((i) => i.title).sort());
    const camera = rows.find((r) => r.title === 'Vintage film camera 35mm')!;
    expect(camera).toMatchObject({ price: 'US $119.00', priceAmount: '119', currency: 'USD', seller: 'camera_attic' });
    expect(camera.description).toMatch(/^Lightly used 35mm film camera/);
    expect(rows.find((r) => r.title === '手持身份证照 一套三张')).toMatchObject({ priceAmount: '8', priceUnit: '套', verdict: { flagged: true } });
    expect(rows.find((r) => r.title?.startsWith('Kinderfiets'))).toMatchObject({ priceAmount: '20', currency: 'EUR' });
  }, 60_000);
});

describe('a start URL that is itself a listing', () => {
  it('is extracted when it matches listingUrlPattern', async () => {
    server = await startMarket();
    const { rows } = await crawl('seed-pattern', siteOf(server.origin, { listingUrlPattern: '/item/\\d+$' }), [`${server.origin}/item/2`]);
    expect(rows.map((r) => r.title)).toEqual(['Vintage film camera 35mm']);
  }, 60_000);

  it('is extracted when the site names no pattern but the URL looks like a listing', async () => {
    server = await startMarket();
    // Without a pattern every page the crawl reaches is a candidate (role page); the seed is one of them, extracted.
    const { rows } = await crawl('seed-lookalike', siteOf(server.origin), [`${server.origin}/item/3`]);
    expect(rows.find((r) => r.canonicalUrl === `${server!.origin}/item/3`)).toMatchObject({ title: 'Kinderfiets 16 inch, blauw', priceAmount: '20' });
  }, 60_000);
});
