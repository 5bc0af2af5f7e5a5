import type { ReportDraft } from '../shared/report.js';

/**
 * The context menu items: report a link (the listing behind it, without opening it) and report the
 * selected text (a listing quoted in a chat or a forum post). Each click gives the extension activeTab
 * on that tab, but a link's page is not opened: the server recrawls it when its host is a configured site.
 */
export const MENU_REPORT_LINK = 'faceleak-report-link';
export const MENU_REPORT_SELECTION = 'faceleak-report-selection';

export function createMenus(): void {
  // removeAll first: onInstalled runs on every update, and ids must not be created twice.
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_REPORT_LINK, title: 'Report this link to faceleak', contexts: ['link'] });
    chrome.contextMenus.create({ id: MENU_REPORT_SELECTION, title: 'Report the selected text to faceleak', contexts: ['selection'] });
  });
}

/** What a menu click tells (chrome.contextMenus.OnClickData and Firefox's menus.OnClickData share these). */
export interface MenuClick {
  readonly menuItemId: string | number;
  readonly linkUrl?: string;
  /** Firefox only. */
  readonly linkText?: string;
  readonly selectionText?: string;
  readonly pageUrl?: string;
  readonly frameUrl?: string;
}

const isHttp = (url: string | undefined): url is string => typeof url === 'string' && /^https?:\/\//i.test(url);

/** The report a menu click makes, or null when there is nothing reportable (not a web address). */
export function draftFromMenuClick(click: MenuClick, tabTitle: string | undefined): ReportDraft | null {
  if (click.menuItemId === MENU_REPORT_LINK) {
    if (!isHttp(click.linkUrl)) return null;
    return {
      url: click.linkUrl,
      title: click.linkText?.trim() || null,
      description: null,
      price: null,
      seller: null,
      note: isHttp(click.pageUrl) ? `link found on ${click.pageUrl}` : 'reported from a link',
    };
  }
  if (click.menuItemId === MENU_REPORT_SELECTION) {
    const url = isHttp(click.frameUrl) ? click.frameUrl : click.pageUrl;
    const text = click.selectionText?.trim();
    if (!isHttp(url) || !text) return null;
    return { url, title: tabTitle?.trim() || null, description: text, price: null, seller: null, note: 'selected text reported from the page' };
  }
  return null;
}
