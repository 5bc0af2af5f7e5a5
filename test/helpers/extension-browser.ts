import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import type { Config } from '../../config/config.js';
import { startDemoMarket, type DemoMarket } from '../../demo/demo-market.js';
import { buildExtension } from '../../extension/build.js';
import { startPipelineWorker, type PipelineWorker } from '../../pipeline/pipeline-worker.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { createToken, openStore, type Store } from '../../store/index.js';
import { testConfig } from './crawl-env.js';
import { deletePrefix, TEST_REDIS_URL, testRedis } from './redis.js';

/**
 * Chromium with the unpacked extension loaded, for end-to-end tests. Extensions need a persistent
 * profile and the new headless mode (Playwright's default headless in recent versions). There is no
 * skip when Chromium is missing: launching throws, and the tests fail, as they should.
 */
export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly extensionUrl: (path: string) => string;
  /** The background service worker (waits for it if the browser stopped it). */
  serviceWorker(): Promise<Worker>;
  /**
   * Does what a click on the toolbar button does for `page`: the browser grants the extension
   * activeTab there and opens the real popup (which automation cannot drive). Returns the tab's id.
   */
  clickAction(page: Page): Promise<number>;
  close(): Promise<void>;
}

export async function launchWithExtension(extensionDir: string, userDataDir: string): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await serviceWorker()).url()).host;
  let cdp: CDPSession | null = null;
  return {
    context,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    serviceWorker,
    async clickAction(page) {
      cdp ??= await context.browser()!.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      // Extensions.triggerAction runs the extension's action on a tab exactly like a click on its button.
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      // activeTab lets the extension see this tab's URL now; that is how its id is found.
      const worker = await serviceWorker();
      const ids = (await worker.evaluate(
        `chrome.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === ${JSON.stringify(page.url())}).map((t) => t.id))`,
      )) as number[];
      if (ids.length !== 1) throw new Error(`expected one tab at ${page.url()}, found ${ids.length}`);
      return ids[0]!;
    },
    close: () => context.close(),
  };
}

/** A TCP port nothing listens on now (the server is started, stopped and restarted on it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Everything a moderator's day in the browser needs, started once per test file: the extension built
 * into a temporary folder and loaded in Chromium, the demo market, the API (without in-process workers)
 * and a queue worker on its own, so a test can hold a report in "queued" by stopping the worker, and a
 * moderator token. `close` stops it all and removes what it made.
 */
export interface ModeratorDay {
  browser: ExtensionBrowser;
  readonly extensionDir: string;
  readonly profileDir: string;
  readonly market: DemoMarket;
  readonly config: Config;
  readonly store: Store;
  readonly token: string;
  /** The API's origin (http://127.0.0.1:PORT), the same across restarts. */
  readonly origin: string;
  startApi(): Promise<void>;
  stopApi(): Promise<void>;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  /** Closes the browser and opens it again on the same profile (a browser restart). */
  restartBrowser(): Promise<void>;
  close(): Promise<void>;
}

export async function startModeratorDay(name: string): Promise<ModeratorDay> {
  const dirs: string[] = [];
  const tempDir = (what: string) => {
    const dir = mkdtempSync(join(tmpdir(), `faceleak-${name}-${what}-`));
    dirs.push(dir);
    return dir;
  };
  // The test builds the extension itself, so a clean clone needs only `npm test`.
  const extensionDir = (await buildExtension({ outDir: tempDir('build') })).dirs.chrome;
  const profileDir = tempDir('profile');
  const browser = await launchWithExtension(extensionDir, profileDir);
  const market = await startDemoMarket();
  const port = await freePort();
  // No host permission can be granted in automation (the browser's prompt cannot be answered), so the
  // server lets the extension in by its origin: the setup the README describes for that case.
  const config = testConfig(name, { PORT: String(port), EXTENSION_ORIGINS: `chrome-extension://${browser.extensionId}` });
  let server: RunningServer | null = null;
  let worker: PipelineWorker | null = null;
  const startApi = async () => {
    server = await startServer(config, TEST_REDIS_URL, { workers: 0 });
  };
  await startApi();
  const store = await openStore(config);
  const token = await createToken(store, `mod-${name}`, 'moderator');
  const startWorker = async () => {
    worker = await startPipelineWorker({ config, redisUrl: TEST_REDIS_URL, concurrency: 2, store });
  };
  await startWorker();
  const day: ModeratorDay = {
    browser,
    extensionDir,
    profileDir,
    market,
    config,
    store,
    token,
    origin: `http://127.0.0.1:${port}`,
    startApi,
    async stopApi() {
      await server?.close();
      server = null;
    },
    startWorker,
    async stopWorker() {
      await worker?.close();
      worker = null;
    },
    async restartBrowser() {
      await day.browser.close();
      day.browser = await launchWithExtension(extensionDir, profileDir);
    },
    async close() {
      await day.browser.close().catch(() => undefined);
      await day.stopWorker();
      await day.stopApi();
      await store.close();
      await market.close();
      const redis = testRedis();
      await deletePrefix(redis, config.queuePrefix);
      redis.disconnect();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
  return day;
}

/**
 * Pages a test opens, closed together afterwards (so a listing is open in one tab at a time), with the
 * errors the extension's own pages logged (script errors, CSP refusals): a test fails on any. The demo
 * market's errors are its own.
 */
export function trackedPages(day: () => ModeratorDay) {
  const opened: Page[] = [];
  let errors: string[] = [];
  const newPage = async () => {
    const page = await day().browser.context.newPage();
    opened.push(page);
    const fromExtension = () => page.url().startsWith('chrome-extension://');
    page.on('console', (message) => {
      if (message.type() === 'error' && fromExtension()) errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    return page;
  };
  /** Opens a popup for tab `tabId` (popup.html?tab=ID, the popup's test seam). */
  const openPopupFor = async (tabId: number) => {
    const popup = await newPage();
    popup.setDefaultTimeout(15_000);
    await popup.goto(day().browser.extensionUrl(`popup.html?tab=${tabId}`));
    return popup;
  };
  return {
    newPage,
    openPopupFor,
    /** Opens a market page, "clicks" the toolbar button on it, and opens the popup for that tab. */
    async openPopupOn(path: string): Promise<{ page: Page; popup: Page; tabId: number }> {
      const page = await newPage();
      await page.goto(`${day().market.origin}${path}`);
      const tabId = await day().browser.clickAction(page);
      return { page, popup: await openPopupFor(tabId), tabId };
    },
    /** Closes every page opened since the last call and returns the extension pages' errors. */
    async closeAll(): Promise<string[]> {
      for (const page of opened.splice(0)) await page.close().catch(() => undefined);
      const seen = errors;
      errors = [];
      return seen;
    },
  };
}
