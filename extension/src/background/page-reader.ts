import { readListing, selectorsFor, type SiteSelectors } from '../extract/read-listing.js';
import type { PageFields } from '../shared/messages.js';
import { CANNOT_READ, reasonOfRefusal, unreadableReason } from './unreadable-page.js';

/**
 * Reads a tab's listing fields: the page's current HTML (as rendered, so script-built listings are
 * there too) is taken by a one-off script injected with activeTab, which the browser grants only when
 * the moderator clicks the toolbar button, a menu item or the shortcut on that tab; the fields are
 * then extracted here with the crawler's code. The page's own scripts never see any of this.
 */

// Larger pages are cut: the listing is near the top, and parsing tens of MB would stall the worker.
const MAX_HTML_CHARS = 5_000_000;

/** A page that cannot be read or reported; the message says why in plain words (the popup shows it as is). */
export class PageAccessError extends Error {
  override name = 'PageAccessError';
  constructor(reason: string) {
    super(`${CANNOT_READ}: ${reason}`);
  }
}

interface Snapshot {
  readonly url: string;
  readonly html: string;
}

/** Runs inside the page (serialized by executeScript): it may use nothing from outside itself. */
function snapshotPage(maxChars: number): Snapshot {
  return { url: location.href, html: document.documentElement.outerHTML.slice(0, maxChars) };
}

/** Throws PageAccessError when the tab's address (as far as the browser shows it) is one no extension may read. */
export async function assertReadable(tabId: number): Promise<void> {
  const tab = await chrome.tabs.get(tabId).catch(() => null);
  if (!tab) throw new PageAccessError('the tab is closed.');
  const reason = unreadableReason(tab.pendingUrl ?? tab.url);
  if (reason) throw new PageAccessError(reason);
}

/** Runs `inject` in the tab, turning the browser's refusal (in its own words) into ours. */
export async function inTab<T>(tabId: number, inject: () => Promise<T>): Promise<T> {
  await assertReadable(tabId);
  try {
    return await inject();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn('faceleak: the browser refused to run our script in the tab:', message);
    throw new PageAccessError(reasonOfRefusal(message));
  }
}

export async function snapshotTab(tabId: number): Promise<Snapshot> {
  const results = await inTab(tabId, () => chrome.scripting.executeScript({ target: { tabId }, func: snapshotPage, args: [MAX_HTML_CHARS] }));
  const value = results[0]?.result;
  if (!value || typeof value.url !== 'string' || typeof value.html !== 'string') throw new PageAccessError('the page gave nothing to read.');
  const reason = unreadableReason(value.url);
  if (reason) throw new PageAccessError(reason);
  return value;
}

export async function readTab(tabId: number, sites: readonly SiteSelectors[]): Promise<PageFields> {
  const { url, html } = await snapshotTab(tabId);
  return readListing(html, url, selectorsFor(url, sites));
}
