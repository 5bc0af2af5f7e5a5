import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config/config.js';
import { startPipelineWorker, type PipelineWorker } from '../pipeline/pipeline-worker.js';
import { startDemoMarket, type DemoListing, type DemoMarket } from '../demo/demo-market.js';
import { buildExtension } from '../extension/build.js';
import { startServer, type RunningServer } from '../server/server.js';
import { createToken, listListings, openStore, type Store } from '../store/index.js';
import { testConfig } from './helpers/crawl-env.js';
import { freePort, launchWithExtension, type ExtensionBrowser } from './helpers/extension-browser.js';
import { deletePrefix, TEST_REDIS_URL, testRedis } from './helpers/redis.js';

// One browser, server and market for the whole file: the tests are steps of one moderator's day.
let browser: ExtensionBrowser;
let market: DemoMarket;
let config: Config;
let server: RunningServer | null = null;
let worker: PipelineWorker | null = null;
let store: Store;
let token: string;
let origin: string;
const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `faceleak-ext-${name}-`));
  dirs.push(dir);
  return dir;
};
let extensionDir: string;
let profileDir: string;

const eventually = <T>(read: () => Promise<T>, timeout = 20_000) => expect.poll(read, { timeout, interval: 100 });
const listing = (id: string): DemoListing => market.listings.find((l) => l.id === id)!;
const reportsOf = (url: string) => store.db.selectFrom('reports').select(['id', 'status', 'note', 'suspected_category']).where('url', '=', url).execute();
const countReports = async () =>
  Number(
    (
      await store.db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
// The API without in-process workers, and the queue worker on its own, so a test can hold a report
// in "queued" for as long as it likes by stopping the worker.
const startApi = async () => {
  server = await startServer(config, TEST_REDIS_URL, { workers: 0 });
};
const startWorker = async () => {
  worker = await startPipelineWorker({ config, redisUrl: TEST_REDIS_URL, concurrency: 2, store });
};
const stopWorker = async () => {
  await worker?.close();
  worker = null;
};
const stopApi = async () => {
  await server?.close();
  server = null;
};

beforeAll(async () => {
  // The test builds the extension itself, so a clean clone needs only `npm test`.
  extensionDir = (await buildExtension({ outDir: tempDir('build') })).dirs.chrome;
  profileDir = tempDir('profile');
  browser = await launchWithExtension(extensionDir, profileDir);
  market = await startDemoMarket();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // No host permission can be granted in automation (the browser's prompt cannot be answered), so the
  // server lets the extension in by its origin: the setup the README describes for that case.
  config = testConfig('extension', { PORT: String(port), EXTENSION_ORIGINS: `chrome-extension://${browser.extensionId}` });
  await startApi();
  store = await openStore(config);
  token = await createToken(store, 'mod-ext', 'moderator');
  await startWorker();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopWorker();
  await stopApi();
  await store?.close();
  await market?.close();
  if (config) {
    const redis = testRedis();
    await deletePrefix(redis, config.queuePrefix);
    redis.disconnect();
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Each test closes what it opened, so a listing is open in one tab at a time. Errors logged by the
// extension's own pages (script errors, CSP refusals) fail the test; the demo market's are its own.
const opened: Page[] = [];
let extensionPageErrors: string[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  const errors = extensionPageErrors;
  extensionPageErrors = [];
  expect(errors).toEqual([]);
});
const newPage = async () => {
  const page = await browser.context.newPage();
  opened.push(page);
  const fromExtension = () => page.url().startsWith('chrome-extension://');
  page.on('console', (message) => {
    if (message.type() === 'error' && fromExtension()) extensionPageErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => extensionPageErrors.push(`${page.url()}: ${error.message}`));
  return page;
};

/** Opens a listing, "clicks" the toolbar button on it, and opens the popup for that tab (popup.html?tab=ID). */
async function openPopupOn(path: string): Promise<{ page: Page; popup: Page; tabId: number }> {
  const page = await newPage();
  await page.goto(`${market.origin}${path}`);
  const tabId = await browser.clickAction(page);
  const popup = await newPage();
  popup.setDefaultTimeout(15_000);
  await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
  return { page, popup, tabId };
}

const field = (popup: Page, name: string) => popup.locator(`dd[data-field="${name}"]`).textContent();
const currentLabel = (popup: Page) => popup.locator('#current .label').textContent();

describe("the moderators' extension", () => {
  it('is configured on its options page, which says what is wrong with a bad token, role or address', async () => {
    const options = await newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const status = () => options.locator('#status').textContent();
    const testWith = async (url: string, tokenValue: string) => {
      await options.getByLabel('Server address').fill(url);
      await options.getByLabel('Your token').fill(tokenValue);
      await options.getByRole('button', { name: 'Test connection' }).click();
    };
    await testWith(origin, 'fl_not-a-token');
    await eventually(status).toMatch(/^Bad token: the server does not know this token/);
    await testWith(origin, await createToken(store, 'inv-ext', 'investigator'));
    await eventually(status).toMatch(/^Wrong role: this token is inv-ext's, an investigator token/);
    await testWith(`http://127.0.0.1:${await freePort()}`, token);
    await eventually(status).toMatch(/^Server unreachable: cannot reach the server/);
    await options.getByLabel('Your token').fill(token);
    await options.getByLabel('Server address').fill(`${origin}/`);
    await options.getByRole('button', { name: 'Save' }).click();
    await eventually(status).toBe('Connected as mod-ext (moderator).');
    expect(await options.getByLabel('Server address').inputValue()).toBe(origin);
  }, 60_000);

  it('reports a listing from the popup: shows the fields first, then queued → classified with the evidence', async () => {
    const d01 = listing('d01');
    const { page, popup } = await openPopupOn('/item/d01');
    await eventually(() => field(popup, 'title')).toBe(d01.title);
    expect(await field(popup, 'description')).toBe(d01.description);
    expect(await popup.locator('dd.sources').textContent()).toBe('heading, main-content, text');
    await popup.getByLabel('Suspected category').selectOption('id_holding_photo');
    await popup.getByLabel('Note for the investigators').fill('seen in a chat group');
    await stopWorker();
    await popup.getByRole('button', { name: 'Report this page' }).click();
    // Accepted but not yet worked: the popup says queued, and keeps saying it while it polls.
    await eventually(() => currentLabel(popup)).toBe('queued');
    await popup.waitForTimeout(2500);
    expect(await currentLabel(popup)).toBe('queued');
    expect(await popup.locator('#current .detail').textContent()).toBe('waiting for the verdict…');
    await startWorker();
    await eventually(() => currentLabel(popup)).toBe('classified');
    const current = popup.locator('#current');
    expect(await current.locator('.verdict').textContent()).toMatch(/^Flagged as id_holding_photo · score [01]\.\d{4} · model fl-/);
    const evidence = await current.locator('ul.evidence li').allTextContents();
    expect(evidence.join('\n')).toContain('手持身份证照');

    // The report reached the API and the investigators' queue, once.
    const url = page.url();
    expect(await reportsOf(url)).toEqual([
      { id: expect.any(String), status: 'classified', note: 'seen in a chat group', suspected_category: 'id_holding_photo' },
    ]);
    const row = (await listListings(store, {}, null, 100)).find((l) => l.url === url);
    expect(row).toMatchObject({ title: d01.title, flagged: true, category: 'id_holding_photo', reports: 1 });
  }, 90_000);

  it('highlights coded terms on the page with their reasons, and takes the marks away again', async () => {
    const { page, popup } = await openPopupOn('/item/d01');
    const textBefore = await page.locator('body').textContent();
    await popup.getByLabel('Highlight coded terms on this page').check();
    await eventually(() => popup.locator('#status').textContent()).toMatch(/^[1-9]\d* coded term\(s\) marked on the page\.$/);
    const marks = page.locator('mark.faceleak-mark');
    const marked = await marks.evaluateAll((nodes) => nodes.map((n) => `${n.textContent} | ${n.className} | ${n.getAttribute('title')}`));
    expect(marked).toContain('手持身份证照 | faceleak-mark faceleak-term | faceleak: coded term for id_holding_photo');
    // The footer's rules quote the same words; menus and footers are the site's, never marked.
    expect(await page.locator('footer').textContent()).toContain('手持身份证照');
    expect(await page.locator('footer mark, nav mark').count()).toBe(0);
    expect(await page.locator('body').textContent()).toBe(textBefore); // marks add no text
    await popup.getByLabel('Highlight coded terms on this page').uncheck();
    await eventually(() => marks.count()).toBe(0);
    expect(await page.locator('body').textContent()).toBe(textBefore);
  }, 60_000);

  it('keeps the token away from scripts running in web pages', async () => {
    const { tabId } = await openPopupOn('/item/d02');
    const worker = await browser.serviceWorker();
    // Run code in the content scripts' world of the tab, and try to read the extension's storage.
    const seen = await worker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: async () => {
      try { return JSON.stringify(await chrome.storage.local.get(null)); } catch (e) { return 'refused: ' + e.message; }
    } }).then((r) => r[0].result)`);
    expect(seen).toMatch(/^refused: /);
    expect(seen).not.toContain(token);
  }, 60_000);

  it('keeps a report made while the server is down, and delivers it exactly once when it is back', async () => {
    await stopApi();
    const d05 = listing('d05');
    const { page, popup } = await openPopupOn('/p/d05');
    await eventually(() => field(popup, 'title')).toBe(d05.title);
    expect(await popup.locator('dd.sources').textContent()).toBe('json-ld');
    await popup.getByRole('button', { name: 'Report this page' }).click();
    await eventually(() => popup.locator('#current .detail').textContent()).toMatch(/^not sent yet, tried \d+×, .*cannot reach the server/);
    expect(await popup.locator('#pending-count').textContent()).toBe('1 waiting to be sent');
    const before = await countReports();
    await startApi();
    // No click: the outbox retries by itself with its backoff.
    await eventually(() => currentLabel(popup), 30_000).toBe('classified');
    expect(await reportsOf(page.url())).toHaveLength(1);
    // Asking again sends nothing more: the report is done, and the server knows its clientReportId.
    await popup.getByRole('button', { name: 'Retry now' }).click();
    await popup.waitForTimeout(1500);
    expect(await reportsOf(page.url())).toHaveLength(1);
    expect(await countReports()).toBe(before + 1);
    expect(await popup.locator('#pending-count').textContent()).toBe('nothing waiting');
  }, 90_000);

  it('keeps a waiting report through a browser restart and delivers it once after', async () => {
    await stopApi();
    const { page, popup } = await openPopupOn('/item/d07');
    const url = page.url();
    await eventually(() => field(popup, 'title')).toBe(listing('d07').title);
    await popup.getByRole('button', { name: 'Report this page' }).click();
    await eventually(() => currentLabel(popup)).toBe('waiting');
    await browser.close();
    await startApi();
    browser = await launchWithExtension(extensionDir, profileDir);
    await eventually(async () => (await reportsOf(url)).map((r) => r.status), 30_000).toEqual(['classified']);
    const again = await newPage();
    await again.goto(browser.extensionUrl('popup.html?tab=0'));
    const entry = again.locator('#reports details.report', { hasText: listing('d07').title });
    await eventually(() => entry.locator('.label').textContent()).toBe('classified');
    expect(await reportsOf(url)).toHaveLength(1);
  }, 90_000);
});
