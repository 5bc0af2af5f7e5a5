import type { SiteSelectors } from '../extract/read-listing.js';
import type { ApiClient } from './api-client.js';
import { refreshApprovedTerms } from './approved-terms.js';

/**
 * Field selectors of the sites the server crawls, so a page on a configured site is read exactly as
 * the crawler reads it. They come from GET /api/v1/sites when the server offers it, kept in
 * storage.local and refreshed in the background when older than an hour. Reading a page never waits
 * for the network: it uses what is cached (nothing at first, or with a server that has no such route:
 * then extraction is generic). The approved terms of the highlighter (approved-terms.ts) are refreshed
 * with them, so one cadence covers everything the extension takes from the server besides reports.
 */
const SITES_KEY = 'sites.v1';
const FRESH_MS = 3600_000;

interface CachedSites {
  readonly serverUrl: string;
  readonly fetchedAt: number;
  readonly sites: SiteSelectors[];
}

let refreshing: Promise<void> | null = null;

export async function configuredSites(api: ApiClient | null, serverUrl: string | null, now = Date.now()): Promise<SiteSelectors[]> {
  if (!api || !serverUrl) return [];
  const cached = (await chrome.storage.local.get(SITES_KEY))[SITES_KEY] as CachedSites | undefined;
  const mine = cached?.serverUrl === serverUrl ? cached : undefined;
  if (!mine || now - mine.fetchedAt >= FRESH_MS) {
    refreshing ??= Promise.all([refresh(api, serverUrl, now), refreshApprovedTerms(api, serverUrl)])
      .then(() => undefined)
      .finally(() => {
        refreshing = null;
      });
  }
  return mine?.sites ?? [];
}

async function refresh(api: ApiClient, serverUrl: string, now: number): Promise<void> {
  const outcome = await api.sites();
  // Unreachable: keep what we have and ask again next time. Any answer, 404 included, is kept for an hour.
  if (outcome.kind === 'retry') return;
  const sites = outcome.kind === 'ok' ? outcome.value.items.map((s) => ({ hosts: s.hosts, fields: s.fields })) : [];
  const entry: CachedSites = { serverUrl, fetchedAt: now, sites };
  await chrome.storage.local.set({ [SITES_KEY]: entry });
}
