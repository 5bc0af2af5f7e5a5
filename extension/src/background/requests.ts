import type { Request, Responses } from '../shared/messages.js';
import type { OutboxItem, ReportDraft } from '../shared/report.js';
import { loadSettings } from '../shared/settings.js';
import { createApiClient } from './api-client.js';
import { freshApprovedOverlay } from './approved-terms.js';
import { testConnection } from './connection.js';
import { refreshDecisions } from './decisions.js';
import { highlightIsOn, setHighlight } from './highlight.js';
import type { Outbox } from './outbox.js';
import { readTab } from './page-reader.js';
import type { DeliveryScheduler } from './scheduler.js';
import { configuredSites } from './sites.js';
import { findTermsInBlocks, lexiconWith } from './term-finder.js';

/** What the request handlers work with; one set per worker (background/main.ts). */
export interface Services {
  readonly outbox: Outbox;
  readonly scheduler: DeliveryScheduler;
  readonly extensionOrigin: string;
}

/** Queues a report and starts delivering it; the one way into the outbox (popup, menus, shortcut). */
export async function queueReport(services: Services, draft: ReportDraft): Promise<OutboxItem> {
  const settings = await loadSettings();
  const item = await services.outbox.add(draft, settings ? null : 'setup');
  void services.scheduler.kick();
  return item;
}

/** The page's listing fields, read with the site's selectors when the server configures the site. */
export async function readPage(tabId: number) {
  const settings = await loadSettings();
  const sites = await configuredSites(settings ? createApiClient(settings) : null, settings?.serverUrl ?? null);
  return readTab(tabId, sites);
}

export async function handleRequest<T extends Request>(services: Services, request: T): Promise<Responses[T['type']]> {
  return (await handle(services, request)) as Responses[T['type']];
}

async function handle(services: Services, request: Request): Promise<Responses[Request['type']]> {
  switch (request.type) {
    case 'page/read':
      return readPage(request.tabId);
    case 'report/submit': {
      const item = await queueReport(services, request.draft);
      return { clientReportId: item.clientReportId };
    }
    case 'reports/list':
      return { items: await services.outbox.items() };
    case 'reports/retry': {
      const now = Date.now();
      // The moderator asked: skip the backoff, and try again even what waited on the token.
      const waiting = await services.outbox.changeUnfinished((i) => ({ ...i, nextAt: now, blocked: null }));
      void services.scheduler.kick();
      return { waiting };
    }
    case 'highlight/set':
      return { marked: await setHighlight(request.tabId, request.on) };
    case 'highlight/get':
      return { on: await highlightIsOn(request.tabId) };
    case 'reports/earlier': {
      const settings = await loadSettings();
      const outcome = settings ? await createApiClient(settings).myReportsOf(request.url) : null;
      // Offline, an older server without the route (404), a refused token: the popup knows only its own outbox then.
      const newest = outcome?.kind === 'ok' ? outcome.value.items[0] : undefined;
      return { earlier: newest ? { at: Date.parse(newest.createdAt), status: newest.status } : null };
    }
    case 'reports/refresh': {
      const settings = await loadSettings();
      return { changed: settings ? await refreshDecisions(services.outbox, createApiClient(settings), Date.now) : 0 };
    }
    case 'connection/test':
      return testConnection(request.serverUrl, request.token, services.extensionOrigin);
    case 'terms/find': {
      // With the terms investigators approved (cached; refreshed first when older than a few minutes).
      const settings = await loadSettings();
      const overlay = await freshApprovedOverlay(settings ? createApiClient(settings) : null, settings?.serverUrl ?? null);
      return { spans: findTermsInBlocks(request.blocks, lexiconWith(overlay)) };
    }
  }
}
