import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { FatalError, PermanentError, RetryableError } from '../../contracts/index.js';
import { htmlContentType } from './charset.js';
import { launchChromium, type NetworkIsolation } from './chromium-launch.js';
import { fetchUrl, type FetchPolicy } from './http-client.js';

export interface BrowserPoolOptions {
  readonly chromiumPath: string;
  /** Whether Chromium must run without network access (see chromium-launch.ts). Default required. */
  readonly networkIsolation?: NetworkIsolation;
  /** Pages rendered in one context before it is thrown away (memory stays flat). Default 50. */
  readonly pagesPerContext?: number;
  /** Page load timeout. Default 30 s. */
  readonly timeoutMs?: number;
  /** Largest rendered HTML kept. Default 5 MiB. */
  readonly maxHtmlBytes?: number;
  /** Told once when Chromium turns out unusable; pages that need it then fail at once, recorded, not retried. */
  readonly onUnavailable?: (error: FatalError) => void;
}

export interface RenderedPage {
  /** The URL crawled (after the server's redirects), never where the page's scripts tried to go. */
  readonly url: string;
  readonly status: number;
  readonly html: string;
}

// Never fetched while rendering: we keep image URLs, not images (victims' faces stay off our disks),
// and media, fonts, stylesheets and prefetches add nothing to a listing's text.
const BLOCKED_TYPES = new Set([
  'image',
  'media',
  'font',
  'stylesheet',
  'imageset',
  'texttrack',
  'eventsource',
  'websocket',
  'manifest',
  'beacon',
  'ping',
  'other',
]);

/** What happened to the page's own document (the route handler cannot throw into goto). */
interface MainDocument {
  /** Until the first main-frame request of a render: that request is the document asked for. */
  awaited: boolean;
  /**
   * The URL asked for, when the page was not unloaded first: only a main-frame request for it is the
   * document, since the previous listing, still loaded, may be navigating somewhere of its own.
   */
  expected: string | null;
  /**
   * Set when the loaded document asked to navigate on its own (refused with a 204): its scripts may go on
   * asking while the next page loads, and Chromium lets such a request cancel ours, so the next render
   * takes a new page instead of navigating this one.
   */
  strayed: boolean;
  /** Where our client fetched it from in the end (after redirects). */
  url: string | null;
  status: number;
  error: Error | null;
}

/** A context with one page that is navigated from listing to listing (a new page costs a renderer). */
interface Slot {
  context: BrowserContext;
  page: Page;
  /** The policy the page's route handler enforces; a render under another policy re-registers it. */
  policy: FetchPolicy | null;
  main: MainDocument;
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

  /**
   * Set once Chromium cannot be used at all (not installed, no network isolation): every later render
   * fails at once with the same error instead of trying again, and `onUnavailable` says it once.
   */
  private unavailable: FatalError | null = null;

  private launch(): Promise<Browser> {
    if (this.unavailable) return Promise.reject(this.unavailable);
    if (!this.browser) {
      this.browser = launchChromium(this.options.chromiumPath, this.options.networkIsolation ?? 'required').then((b) => {
        // A crashed browser is launched again on the next page.
        b.on('disconnected', () => {
          this.browser = null;
          this.slots.length = 0;
        });
        return b;
      });
      this.browser.catch((error: unknown) => {
        this.browser = null;
        if (error instanceof FatalError && !this.unavailable) {
          this.unavailable = error;
          this.options.onUnavailable?.(error);
        }
      });
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
    const slot: Slot = {
      context,
      page,
      policy: null,
      main: { awaited: false, expected: null, strayed: false, url: null, status: 0, error: null },
      pages: 0,
      busy: true,
    };
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
    const main = slot.main;
    let page = slot.page;
    try {
      if (main.strayed) page = await replacePage(slot);
      Object.assign(main, { awaited: false, expected: null, strayed: false, url: null, status: 0, error: null });
      const timeout = this.options.timeoutMs ?? 30_000;
      if (slot.policy !== policy) {
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        // Another site's listing is unloaded first (about:blank needs no request): its scripts must not
        // run on under this site's policy while the new page loads.
        if (page.url() !== 'about:blank') await page.goto('about:blank', { timeout });
        await page.route('**/*', (route) => this.handle(route, policy, main));
        slot.policy = policy;
      } else {
        // The same site's previous listing is left loaded until this one commits (unloading it first cost
        // about a quarter of a render's time in Chromium): a navigation its scripts have pending is told
        // from this page's document by its URL.
        main.expected = documentUrl(url);
      }
      main.awaited = true;
      await page.goto(url, { waitUntil: 'commit', timeout });
      if (main.awaited) throw new RetryableError(`${url}: Chromium never requested the document`);
      // Not goto's waitUntil 'domcontentloaded': a navigation the page starts (and we refuse) while
      // it is still loading stops the load, and goto would then wait for an event that never comes.
      // (An expression, not a function: this code is compiled without the DOM's types.)
      await page.waitForFunction("document.readyState !== 'loading'", undefined, { timeout, polling: 50 });
      // Give the page's scripts time to fetch and draw the listing: until it is ready, or the network goes quiet.
      const quiet = page.waitForLoadState('networkidle', { timeout: Math.min(5000, timeout) }).then(
        () => true,
        () => true,
      );
      let html = await contentOf(page);
      while (!ready?.(html)) {
        const settled = await Promise.race([quiet, new Promise<false>((r) => setTimeout(() => r(false), 100))]);
        html = await contentOf(page);
        if (settled) break;
      }
      if (Buffer.byteLength(html) > (this.options.maxHtmlBytes ?? 5 * 1024 * 1024)) throw new PermanentError(`${url}: rendered page is over the size cap`);
      assertStillOwnDocument(url, page.url());
      this.rendered++;
      return { url: main.url ?? url, status: main.status, html };
    } catch (error) {
      slot.pages = Number.MAX_SAFE_INTEGER; // a page that failed may be stuck: recycle its context
      if (main.error) throw main.error;
      if (error instanceof PermanentError || error instanceof FatalError || error instanceof RetryableError) throw error;
      // A page that replaced itself while we read it fails as its new document says: gone to
      // about:blank is permanent, whenever the navigation lands.
      assertStillOwnDocument(url, page.url());
      throw new RetryableError(`${url}: rendering failed: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      slot.pages++;
      await this.returnSlot(slot);
    }
  }

  private async handle(route: Route, policy: FetchPolicy, main: MainDocument): Promise<void> {
    const request = route.request();
    const isMain = request.isNavigationRequest() && request.frame() === request.frame().page().mainFrame();
    if (isMain) {
      // Only the document we were asked to render loads in the main frame. Once it has, the page's
      // own navigations (location.href = …, reloads, history) are answered 204 No Content, which
      // makes Chromium stay on the current document: the listing keeps its own text and URL instead
      // of becoming Chromium's error page (an abort would show one) or another site's page.
      if (!main.awaited || (main.expected !== null && documentUrl(request.url()) !== main.expected)) {
        main.strayed = true;
        return route.fulfill({ status: 204 }).catch(() => {});
      }
      main.awaited = false;
    }
    if (!isMain && BLOCKED_TYPES.has(request.resourceType())) return route.abort('blockedbyclient');
    if (request.url().startsWith('data:')) return route.continue();
    try {
      const r = await fetchUrl(request.url(), policy, {
        method: request.method(),
        headers: await request.allHeaders(),
        body: request.postDataBuffer() ?? undefined,
      });
      if (isMain) {
        main.status = r.status;
        main.url = r.url;
        if (!/html|xml/i.test(r.contentType) && r.contentType !== '') throw new PermanentError(`${request.url()}: not HTML (${r.contentType})`);
      }
      const headers = { ...r.headers };
      delete headers['content-encoding'];
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      // Documents go to Chromium with the charset our client detected, so both decode alike.
      if (request.resourceType() === 'document' && (r.contentType === '' || /html/i.test(r.contentType)))
        headers['content-type'] = htmlContentType(r.contentType, r.charset);
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

/**
 * The page's HTML. Read while the page's own script navigates (to about:blank, say), Playwright refuses
 * ("the page is navigating and changing the content"); once the navigation lands the new document can be
 * read, and the caller judges where the page went. CI's load once turned that refusal into a retry.
 */
async function contentOf(page: Page): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await page.content();
    } catch (error) {
      if (attempt >= 40 || !/navigating|context was destroyed/i.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The slot's page closed (its document and scripts with it) and a new one opened in the same context. */
async function replacePage(slot: Slot): Promise<Page> {
  await slot.page.close().catch(() => {});
  slot.page = await slot.context.newPage();
  slot.policy = null;
  return slot.page;
}

/** A document's URL as Chromium requests it: parsed the same way, without its fragment (never sent). */
function documentUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/**
 * The main frame must still show an http(s) document when rendering ends. Navigations that bypass
 * requests (about:blank, blob:) replace the page with one the site did not serve: a permanent
 * failure, recorded as such. chrome-error:// means Chromium could not show the document at all.
 */
function assertStillOwnDocument(url: string, current: string): void {
  const scheme = current.split(':')[0]!.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return;
  if (scheme === 'chrome-error') throw new RetryableError(`${url}: Chromium showed an error page instead of the document`);
  throw new PermanentError(`${url}: the page navigated itself away to ${scheme}: (its own content is gone)`);
}
