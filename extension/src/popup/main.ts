import { CATEGORIES } from '../../../contracts/index.js';
import { ask } from '../shared/ask.js';
import { categoryWords } from '../shared/category-words.js';
import { byId, el, errorText, say } from '../shared/dom.js';
import type { PageFields } from '../shared/messages.js';
import { OUTBOX_KEY, type ReportDraft } from '../shared/report.js';
import { loadSettings } from '../shared/settings.js';
import { time } from './describe-report.js';
import { earlierNotice, earlierReportOf, type EarlierReport } from './earlier-report.js';
import { marksSentence } from './marks-sentence.js';
import { pagePreview } from './page-preview.js';
import { reportView } from './report-view.js';

/**
 * The popup: the page's fields as read, "Report this page" with a category and a note, the report just
 * sent from queued to its verdict, and the recent reports with what investigators decided. It talks
 * only to the background worker, never to the server. The report's own view says where it stands, so
 * the status line is for what the moderator just did (highlighting, a refusal), not for the report.
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
const fieldsBox = byId('fields', HTMLElement);
const earlierBox = byId('earlier-box', HTMLElement);
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
    fieldsBox.replaceChildren(pagePreview(page));
    sendButton.disabled = false;
    await showEarlier();
  } catch (error) {
    // Said where the fields would be (replacing "Reading the page…"), and nothing here can be used.
    fieldsBox.replaceChildren(el('p', { className: 'notice unreadable', text: errorText(error) }));
    sendButton.disabled = true;
    highlight.disabled = true;
    highlight.title = errorText(error);
  }
}

/**
 * This page reported before: say when and how it went, and offer to add to it or report again. This
 * browser's outbox answers first; else the server, which knows the reports made in other browsers too.
 */
async function showEarlier(): Promise<void> {
  if (!page) return;
  const url = page.url;
  const { items } = await ask({ type: 'reports/list' });
  let earlier: EarlierReport | null = earlierReportOf(
    items.filter((i) => i.clientReportId !== currentId),
    url,
  );
  if (!earlier) {
    const fromServer = (await ask({ type: 'reports/earlier', url }).catch(() => ({ earlier: null }))).earlier;
    earlier = fromServer ? { at: fromServer.at, state: fromServer.status } : null;
  }
  // A report sent from this popup meanwhile is the one it shows; no notice then.
  if (!earlier || currentId !== null) return;
  const found = earlier;
  sendButton.hidden = true;
  earlierBox.replaceChildren(
    earlierNotice(
      found,
      () => void addTo(found),
      () => void send(),
    ),
  );
}

async function addTo(earlier: EarlierReport): Promise<void> {
  if (!note.value.trim() && !category.value) {
    note.focus();
    return say(status, 'Write what to add in the note (or pick a category) first.', 'error');
  }
  await send(`Adds to my report of this page at ${time(earlier.at)}.`);
}

async function send(prefix?: string): Promise<void> {
  if (!page) return;
  sendButton.disabled = true;
  const draft: ReportDraft = { url: page.url, title: page.title, description: page.description, price: page.price, seller: page.seller };
  const written = [prefix, note.value.trim()].filter(Boolean).join(' ');
  if (written) draft.note = written;
  const chosen = CATEGORIES.find((c) => c === category.value);
  if (chosen) draft.suspectedCategory = chosen;
  try {
    currentId = (await ask({ type: 'report/submit', draft })).clientReportId;
    // No message here: the report's own view below says where it stands, and keeps saying it.
    say(status, '');
    sendButton.hidden = false;
    earlierBox.replaceChildren();
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
  // "Retry now" only when there is something to retry.
  byId('retry', HTMLButtonElement).hidden = pending === 0;
  const recent = items.filter((i) => i.clientReportId !== currentId).slice(0, RECENT_SHOWN);
  byId('reports', HTMLElement).replaceChildren(...recent.map((i) => el('li', {}, reportView(i))));
}

async function toggleHighlight(tabId: number): Promise<void> {
  try {
    const { marked } = await ask({ type: 'highlight/set', tabId, on: highlight.checked });
    say(status, highlight.checked ? marksSentence(marked) : 'Highlighting off.', 'info');
  } catch (error) {
    highlight.checked = false;
    say(status, errorText(error), 'error');
  }
}

async function start(): Promise<void> {
  // The dropdown and the verdicts use the same words for a category.
  for (const c of CATEGORIES) category.append(el('option', { text: categoryWords(c), attrs: { value: c } }));
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
  // Investigators' decisions since the popup was last open; the outbox change redraws the list.
  void ask({ type: 'reports/refresh' }).catch((e: unknown) => console.warn('faceleak: could not refresh decisions', e));
  const tabId = await targetTabId();
  highlight.addEventListener('change', () => void toggleHighlight(tabId));
  await readPage(tabId);
  // The box shows whether this tab's page has our marks now (a reload or another page has none).
  if (!highlight.disabled) highlight.checked = (await ask({ type: 'highlight/get', tabId })).on;
}

start().catch((error: unknown) => say(status, errorText(error), 'error'));
