import { readListing, selectorsFor, type SiteSelectors } from '../extract/read-listing.js';
import type { PageFields } from '../shared/messages.js';

/**
 * Reads a tab's listing fields: the page's current HTML (as rendered, so script-built listings are
 * there too) is taken by a one-off script injected with activeTab, which the browser grants only when
 * the moderator clicks the toolbar button, a menu item or the shortcut on that tab; the fields are
 * then extracted here with the crawler's code. The page's own scripts never see any of this.
 */

// Larger pages are cut: the listing is near the top, and parsing tens of MB would stall the worker.
const MAX_HTML_CHARS = 5_000_000;

export class PageAccessError extends Error {
  override name = 'PageAccessError';
}

interface Snapshot {
  readonly url: string;
  readonly html: string;
}

/** Runs inside the page (serialized by executeScript): it may use nothing from outside itself. */
function snapshotPage(maxChars: number): Snapshot {
  return { url: location.href, html: document.documentElement.outerHTML.slice(0, maxChars) };
}

export async function snapshotTab(tabId: number): Promise<Snapshot> {
  let results: chrome.scripting.InjectionResult<Snapshot>[];
  try {
    results = await chrome.scripting.executeScript({ target: { tabId }, func: snapshotPage, args: [MAX_HTML_CHARS] });
  } catch (error) {
    throw new PageAccessError(
      `faceleak cannot read this page (${(error as Error).message}). Open the faceleak button on the page itself: the browser lets the extension read a page only after that click.`,
    );
  }
  const value = results[0]?.result;
  if (!value || typeof value.url !== 'string' || typeof value.html !== 'string') throw new PageAccessError('the page gave nothing to read');
  if (!/^https?:/.test(value.url)) throw new PageAccessError('only web pages (http and https) can be reported');
  return value;
}

export async function readTab(tabId: number, sites: readonly SiteSelectors[]): Promise<PageFields> {
  const { url, html } = await snapshotTab(tabId);
  return readListing(html, url, selectorsFor(url, sites));
}
