/**
 * Pages the extension can never read or report, and why, in words a moderator understands: browsers
 * keep their own pages, other extensions' pages and their web stores closed to extensions, and only
 * web pages (http, https) are listings. Known from the tab's address when the browser shows it to us,
 * or else (Chrome hides the address of such pages even after the toolbar click) from the error the
 * browser gave when we tried; its own words ("Extension manifest must request permission…") are
 * written for developers, so they are logged, never shown.
 */

const NEW_TAB = /^(chrome|edge|brave|vivaldi|opera):\/\/(newtab|new-tab-page|startpage)|^chrome-search:\/\/|^about:(newtab|home|privatebrowsing)/i;
const STORES = /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)(\/|$)/i;

export const CANNOT_READ = 'This page cannot be read or reported';

/** Why this address cannot be read or reported, or null when it is a web page we may try. */
export function unreadableReason(url: string | undefined): string | null {
  if (!url) return null;
  if (NEW_TAB.test(url)) return "it is the browser's new-tab page, not a web page: open the listing first.";
  if (/^about:(blank|srcdoc)/i.test(url)) return 'this tab is empty (about:blank): open the listing first.';
  if (/^(chrome|edge|brave|vivaldi|opera|about|view-source|devtools):/i.test(url))
    return "it is one of the browser's own pages (a new tab, settings, history…), which extensions may not read, and it is not a listing.";
  if (/^(chrome-extension|moz-extension|extension):/i.test(url)) return "it is an extension's own page, which other extensions may not read.";
  if (STORES.test(url)) return "it is the browser's extension store, which browsers keep closed to extensions.";
  if (/^file:/i.test(url)) return 'it is a file on this computer, not a web page: faceleak reports listings on the web (http and https).';
  if (!/^https?:/i.test(url)) return 'only web pages (http and https) can be read and reported.';
  return null;
}

/** The same in words, from what the browser said when it refused to run our script in the tab. */
export function reasonOfRefusal(browserMessage: string): string {
  const quoted = /url "?([a-z-]+:[^"\s]*)/i.exec(browserMessage)?.[1];
  const known = unreadableReason(quoted);
  if (known) return known;
  if (/chrome:\/\/|edge:\/\//i.test(browserMessage)) return unreadableReason('chrome://settings')!;
  if (/extensions gallery|webstore/i.test(browserMessage)) return unreadableReason('https://chromewebstore.google.com/')!;
  if (/chrome-extension:\/\/|moz-extension:\/\//i.test(browserMessage)) return unreadableReason('chrome-extension://x/')!;
  if (/about:blank/i.test(browserMessage)) return unreadableReason('about:blank')!;
  if (/error page|showing error/i.test(browserMessage)) return 'the tab shows an error page, not the listing: reload it first.';
  // "must request permission": the browser shows us neither the address nor the page. In real use the
  // popup opens on a click that grants access, so this is an empty tab (about:blank, which no click
  // opens to extensions) or a page that moved on since the click.
  return 'the browser does not let extensions read it: it is an empty tab (about:blank) or a page the browser protects, or it changed since you clicked the faceleak button. If it is a listing, click the button on it again.';
}
