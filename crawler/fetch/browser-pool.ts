import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { FatalError, PermanentError, RetryableError } from '../errors.js';
import { fetchUrl, type FetchPolicy } from './http-client.js';

export interface BrowserPoolOptions {
  readonly chromiumPath: string;
  /** Pages rendered in one context before it is thrown away (memory stays flat). Default 50. */
  readonly pagesPerContext?: number;
  /** Page load timeout. Default 30 s. */
  readonly timeoutMs?: number;
  /** Largest rendered HTML kept. Default 5 MiB. */
  readonly maxHtmlBytes?: number;
}

export interface RenderedPage {
  readonly url: string;
  readonly status: number;
  readonly html: string;
}

// Never fetched while rendering: we keep image URLs, not images (victims' faces stay off our disks),
// and media, fonts, stylesheets and prefetches add nothing to a listing's text.
const BLOCKED_TYPES = new Set(['image', 'media', 'font', 'stylesheet', 'imageset', 'texttrack', 'eventsource', 'websocket', 'manifest', 'beacon', 'ping', 'other']);

// Chromium's own networking is pointed at a dead proxy: every request must go through our route
// handler (and our guarded client); anything that escaped routing fails instead of connecting.
const LAUNCH_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--disable-quic', '--no-first-run', '--mute-audio', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];

/** A context with one page that is navigated from listing to listing (a new page costs a renderer). */
interface Slot {
  context: BrowserContext;
  page: Page;
  /** The policy the page's route handler enforces; a render under another policy re-registers it. */
  policy: FetchPolicy | null;
  main: { status: number; error: Error | null };
  pages: number;
  busy: boolean;
}

/**
 * Renders JS pages in one Chromium through playwright-core. The page's scripts run only there;
 * every request they make is checked against the site's policy and fetched by our HTTP client.
 */
export class BrowserPool {
  private browser: Promise<Browser> | null = null;
  private readonly slots: Slot[] = [];
  private rendered = 0;

  constructor(private readonly options: BrowserPoolOptions) {}

  get pagesRendered(): number {
    return this.rendered;
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      if (!existsSync(this.options.chromiumPath)) {
        throw new FatalError(`Chromium not found at ${this.options.chromiumPath}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`);
      }
      this.browser = chromium.launch({ executablePath: this.options.chromiumPath, headless: true, args: LAUNCH_ARGS }).then((b) => {
        // A crashed browser is launched again on the next page.
        b.on('disconnected', () => {
          this.browser = null;
          this.slots.length = 0;
        });
        return b;
      });
      this.browser.catch(() => (this.browser = null));
    }
    return this.browser;
  }

  private async takeSlot(): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return free;
    }
    const browser = await this.launch();
    const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false, javaScriptEnabled: true, bypassCSP: false, locale: 'zh-CN' });
    const page = await context.newPage();
    const slot: Slot = { context, page, policy: null, main: { status: 0, error: null }, pages: 0, busy: true };
    this.slots.push(slot);
    return slot;
  }

  private async returnSlot(slot: Slot): Promise<void> {
    slot.busy = false;
    if (slot.pages >= (this.options.pagesPerContext ?? 50)) {
      this.slots.splice(this.slots.indexOf(slot), 1);
      await slot.context.close().catch(() => {});
    }
  }

  /**
   * Renders a page. `ready` tells when the page holds what the caller needs (a listing's fields,
   * an index's links): rendering stops there instead of waiting for the network to go quiet.
   */
  async render(url: string, policy: FetchPolicy, ready?: (html: string) => boolean): Promise<RenderedPage> {
    const slot = await this.takeSlot();
    const page = slot.page;
    // What happened to the page's own document (the route handler cannot throw into goto).
    const main = slot.main;
    main.status = 0;
    main.error = null;
    try {
      if (slot.policy !== policy) {
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        await page.route('**/*', (route) => this.handle(route, policy, main));
        slot.policy = policy;
      }
      const timeout = this.options.timeoutMs ?? 30_000;
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      // Give the page's scripts time to fetch and draw the listing: until it is ready, or the network goes quiet.
      const quiet = page.waitForLoadState('networkidle', { timeout: Math.min(5000, timeout) }).then(() => true, () => true);
      let html = await page.content();
      while (!ready?.(html)) {
        const settled = await Promise.race([quiet, new Promise<false>((r) => setTimeout(() => r(false), 100))]);
        html = await page.content();
        if (settled) break;
      }
      if (Buffer.byteLength(html) > (this.options.maxHtmlBytes ?? 5 * 1024 * 1024)) throw new PermanentError(`${url}: rendered page is over the size cap`);
      this.rendered++;
      return { url: page.url(), status: main.status, html };
    } catch (error) {
      slot.pages = Number.MAX_SAFE_INTEGER; // a page that failed may be stuck: recycle its context
      if (main.error) throw main.error;
      if (error instanceof PermanentError || error instanceof FatalError) throw error;
      throw new RetryableError(`${url}: rendering failed: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      slot.pages++;
      await this.returnSlot(slot);
    }
  }

  private async handle(route: Route, policy: FetchPolicy, main: Slot['main']): Promise<void> {
    const request = route.request();
    const isMain = request.isNavigationRequest() && request.frame() === request.frame().page().mainFrame();
    if (!isMain && BLOCKED_TYPES.has(request.resourceType())) return route.abort('blockedbyclient');
    if (request.url().startsWith('data:')) return route.continue();
    try {
      const r = await fetchUrl(request.url(), policy, { method: request.method(), headers: await request.allHeaders(), body: request.postDataBuffer() ?? undefined });
      if (isMain) {
        main.status = r.status;
        if (!/html|xml/i.test(r.contentType) && r.contentType !== '') throw new PermanentError(`${request.url()}: not HTML (${r.contentType})`);
      }
      const headers = { ...r.headers };
      delete headers['content-encoding'];
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      return route.fulfill({ status: r.status, headers, body: r.raw });
    } catch (error) {
      if (isMain) main.error = error as Error;
      return route.abort('blockedbyclient').catch(() => {});
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => {});
  }
}
