import { REPORT_PAGE_COMMAND } from '../shared/commands.js';
import { admitRequest, type Reply } from '../shared/messages.js';
import { OUTBOX_KEY, OutboxItemSchema } from '../shared/report.js';
import { loadSettings, SETTINGS_KEY } from '../shared/settings.js';
import { createApiClient } from './api-client.js';
import { showPending, showProblem } from './badge.js';
import { deliverDue } from './delivery.js';
import { createMenus, draftFromMenuClick } from './menus.js';
import { Outbox } from './outbox.js';
import { handleRequest, queueReport, readPage, type Services } from './requests.js';
import { refreshSites } from './sites.js';
import { browserWaker, DeliveryScheduler, WAKE_ALARM } from './scheduler.js';

/**
 * The background service worker (Chrome) or event page (Firefox): the only part of the extension that
 * talks to the faceleak server. Every listener is registered at the top level, synchronously, as MV3
 * requires for the worker to be woken by its events.
 */

// Chrome lets content scripts read storage.local unless told otherwise; the token and the outbox are
// for extension pages only. (Firefox has no such switch; our content script never reads storage.)
if ('setAccessLevel' in chrome.storage.local) {
  chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => console.error('faceleak: storage access level', error));
}

const outbox = new Outbox(chrome.storage.local);
const scheduler: DeliveryScheduler = new DeliveryScheduler(
  async () => {
    const settings = await loadSettings();
    return deliverDue({ outbox, api: settings ? createApiClient(settings) : null, now: Date.now, random: Math.random, online: () => navigator.onLine });
  },
  browserWaker(() => void scheduler.kick()),
);
const services: Services = { outbox, scheduler, extensionOrigin: new URL(chrome.runtime.getURL('')).origin };
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

chrome.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (reply: Reply) => void) => {
  const admitted = admitRequest(raw, sender, chrome.runtime.id, chrome.runtime.getURL(''));
  if (!admitted.ok) {
    sendResponse({ ok: false, error: admitted.error });
    return false;
  }
  handleRequest(services, admitted.request).then(
    (value) => sendResponse({ ok: true, value } as Reply),
    (error: unknown) => sendResponse({ ok: false, error: errorText(error) }),
  );
  return true; // the answer comes asynchronously
});

chrome.runtime.onInstalled.addListener(() => createMenus());
// The browser starting wakes the worker for this; the kick at the end of this file then resumes delivery.
chrome.runtime.onStartup.addListener(() => void scheduler.kick());

chrome.contextMenus.onClicked.addListener((click, tab) => {
  const draft = draftFromMenuClick(click, tab?.title);
  if (!draft) return showProblem('nothing to report there (not a web address, or no text selected)');
  queueReport(services, draft).catch((error: unknown) => showProblem(errorText(error)));
});

chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== REPORT_PAGE_COMMAND || tab?.id === undefined) return;
  readPage(tab.id)
    .then((page) => queueReport(services, { url: page.url, title: page.title, description: page.description, price: page.price, seller: page.seller }))
    .catch((error: unknown) => showProblem(errorText(error)));
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === WAKE_ALARM) void scheduler.kick();
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (changes[SETTINGS_KEY]) {
    // New settings: what waited for a server or a better token may go now, and the first listing read
    // after set-up should find its site's selectors already there.
    const now = Date.now();
    void outbox.changeUnfinished((i) => ({ ...i, blocked: null, nextAt: now })).then(() => scheduler.kick());
    void loadSettings().then((settings) => settings && refreshSites(createApiClient(settings), settings.serverUrl));
  }
  const items = changes[OUTBOX_KEY]?.newValue;
  if (Array.isArray(items)) showPending(items.flatMap((i) => OutboxItemSchema.safeParse(i).data ?? []));
});

// Back online (navigator.onLine): whatever waited on the network may go now rather than at its next
// backoff; while offline the pass does not probe, and this event takes its place.
self.addEventListener('online', () => {
  const now = Date.now();
  void outbox.changeUnfinished((i) => (i.blocked === null ? { ...i, nextAt: Math.min(i.nextAt, now) } : i)).then(() => scheduler.kick());
});

// Any wake-up (browser start, an event, the popup) resumes delivery of what is due.
void scheduler.kick();
void outbox.items().then(showPending);
