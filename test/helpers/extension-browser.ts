import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

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
