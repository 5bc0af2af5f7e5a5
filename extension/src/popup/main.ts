import { CATEGORIES } from '../../../contracts/index.js';
import { ask } from '../shared/ask.js';
import { byId, el, errorText, say } from '../shared/dom.js';
import type { PageFields } from '../shared/messages.js';
import { OUTBOX_KEY, type ReportDraft } from '../shared/report.js';
import { loadSettings } from '../shared/settings.js';
import { pagePreview } from './page-preview.js';
import { reportView } from './report-view.js';

/**
 * The popup: the page's fields as read, "Report this page" with a category and a note, the report just
 * sent from queued to classified, and the recent reports with anything still waiting in the outbox.
 * It talks only to the background worker, never to the server.
 *
 * Test seam: popup.html?tab=ID reports tab ID instead of the active tab, so an end-to-end test can open
 * the popup as an ordinary tab (browsers give automation no handle on the real popup window).
 */

const RECENT_SHOWN = 15;

const status = byId('status', HTMLElement);
const sendButton = byId('send', HTMLButtonElement);
const category = byId('category', HTMLSelectElement);
const note = byId('note', HTMLTextAreaElement);
const highlight = byId('highlight', HTMLInputElement);
let page: PageFields | null = null;
let currentId: string | null = null;

async function targetTabId(): Promise<number> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return tab.id;
}

async function readPage(tabId: number): Promise<void> {
  try {
    page = await ask({ type: 'page/read', tabId });
    byId('fields', HTMLElement).replaceChildren(pagePreview(page));
    sendButton.disabled = false;
  } catch (error) {
    say(status, errorText(error), 'error');
  }
}

async function send(): Promise<void> {
  if (!page) return;
  sendButton.disabled = true;
  const draft: ReportDraft = { url: page.url, title: page.title, description: page.description, price: page.price, seller: page.seller };
  if (note.value.trim()) draft.note = note.value.trim();
  const chosen = CATEGORIES.find((c) => c === category.value);
  if (chosen) draft.suspectedCategory = chosen;
  try {
    currentId = (await ask({ type: 'report/submit', draft })).clientReportId;
    say(status, 'Report queued; it is sent as soon as the server can be reached.', 'ok');
    await showReports();
  } catch (error) {
    say(status, errorText(error), 'error');
    sendButton.disabled = false;
  }
}

async function showReports(): Promise<void> {
  const { items } = await ask({ type: 'reports/list' });
  const current = items.find((i) => i.clientReportId === currentId);
  byId('current', HTMLElement).replaceChildren(...(current ? [reportView(current, { open: true })] : []));
  const pending = items.filter((i) => i.stage === 'pending').length;
  byId('pending-count', HTMLElement).textContent = pending ? `${pending} waiting to be sent` : 'nothing waiting';
  const recent = items.filter((i) => i.clientReportId !== currentId).slice(0, RECENT_SHOWN);
  byId('reports', HTMLElement).replaceChildren(...recent.map((i) => el('li', {}, reportView(i))));
}

async function toggleHighlight(tabId: number): Promise<void> {
  try {
    const { marked } = await ask({ type: 'highlight/set', tabId, on: highlight.checked });
    say(status, highlight.checked ? `${marked} coded term(s) marked on the page.` : 'Highlighting off.', 'info');
  } catch (error) {
    highlight.checked = false;
    say(status, errorText(error), 'error');
  }
}

async function start(): Promise<void> {
  for (const c of CATEGORIES) category.append(el('option', { text: c.replaceAll('_', ' '), attrs: { value: c } }));
  byId('open-options', HTMLButtonElement).addEventListener('click', () => void chrome.runtime.openOptionsPage());
  byId('setup', HTMLElement).hidden = (await loadSettings()) !== null;
  sendButton.addEventListener('click', () => void send());
  byId('retry', HTMLButtonElement).addEventListener(
    'click',
    () => void ask({ type: 'reports/retry' }).catch((e: unknown) => say(status, errorText(e), 'error')),
  );
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[OUTBOX_KEY]) void showReports();
  });
  await showReports();
  const tabId = await targetTabId();
  highlight.addEventListener('change', () => void toggleHighlight(tabId));
  await readPage(tabId);
}

start().catch((error: unknown) => say(status, errorText(error), 'error'));
