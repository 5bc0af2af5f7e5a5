import type { SiteSelectors } from '../extract/read-listing.js';
import type { ApiClient } from './api-client.js';
import { refreshApprovedTerms } from './approved-terms.js';

/**
 * Field selectors of the sites the server crawls, so a page on a configured site is read exactly as
 * the crawler reads it. They come from GET /api/v1/sites when the server offers it, kept in
 * storage.local, fetched when the settings change (set-up) and refreshed in the background when older
 * than an hour. Reading a page waits for the network only when nothing is cached for the server yet,
 * and briefly; otherwise it uses what is cached (with a server that has no such route: nothing, and
 * extraction is generic). The approved terms of the highlighter (approved-terms.ts) are refreshed
 * with them, so one cadence covers everything the extension takes from the server besides reports.
 */
const SITES_KEY = 'sites.v1';
const FRESH_MS = 3600_000;
/**
 * With nothing cached for this server (the first listing after set-up), reading a page waits this
 * long for the sites, so that listing is read with its site's selectors too; past it, generic extraction.
 */
const FIRST_FETCH_WAIT_MS = 2_000;

interface CachedSites {
  readonly serverUrl: string;
  readonly fetchedAt: number;
  readonly sites: SiteSelectors[];
}

/** The refresh in flight, by server: one at a time for a server, and a new server's never waits on the old one's. */
const refreshing = new Map<string, Promise<void>>();

export async function configuredSites(api: ApiClient | null, serverUrl: string | null, now = Date.now()): Promise<SiteSelectors[]> {
  if (!api || !serverUrl) return [];
  const mine = await cachedSites(serverUrl);
  if (mine && now - mine.fetchedAt < FRESH_MS) return mine.sites;
  const fetching = refreshSites(api, serverUrl, now);
  if (mine) return mine.sites; // stale: use it now, the refresh lands for the next page
  await Promise.race([fetching, new Promise((resolve) => setTimeout(resolve, FIRST_FETCH_WAIT_MS))]);
  return (await cachedSites(serverUrl))?.sites ?? [];
}

/** Fetches the sites and the approved terms now (at set-up: background/main.ts calls it when the settings change). */
export function refreshSites(api: ApiClient, serverUrl: string, now = Date.now()): Promise<void> {
  const running = refreshing.get(serverUrl);
  if (running) return running;
  const run = Promise.all([refresh(api, serverUrl, now), refreshApprovedTerms(api, serverUrl)])
    .then(() => undefined)
    .catch((error: unknown) => console.warn('faceleak: could not refresh the sites', error))
    .finally(() => refreshing.delete(serverUrl));
  refreshing.set(serverUrl, run);
  return run;
}

async function cachedSites(serverUrl: string): Promise<CachedSites | undefined> {
  const cached = (await chrome.storage.local.get(SITES_KEY))[SITES_KEY] as CachedSites | undefined;
  return cached?.serverUrl === serverUrl ? cached : undefined;
}

async function refresh(api: ApiClient, serverUrl: string, now: number): Promise<void> {
  const outcome = await api.sites();
  // Unreachable or a refused token: keep what we have and ask again next time. Any other answer, 404
  // included (an older server), is kept for an hour.
  if (outcome.kind === 'retry' || outcome.kind === 'auth') return;
  const sites = outcome.kind === 'ok' ? outcome.value.items.map((s) => ({ hosts: s.hosts, fields: s.fields })) : [];
  const entry: CachedSites = { serverUrl, fetchedAt: now, sites };
  await chrome.storage.local.set({ [SITES_KEY]: entry });
}
