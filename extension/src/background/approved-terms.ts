import { parseOverlay, type LexiconOverlay } from '../../../classifier/portable.js';
import type { ApiClient } from './api-client.js';
import type { KeyValueArea } from './outbox.js';

/**
 * The terms investigators approved from code-word discovery (GET /api/v1/lexicon), so the highlighter
 * marks them as the server's classifier does. Fetched whenever the sites are (sites.ts: at most hourly)
 * and, since a term approved this morning should mark pages before lunch, also when the highlighter
 * asks and the cached copy is older than APPROVED_FRESH_MS (one small GET, waited on for at most
 * APPROVED_WAIT_MS). Kept in storage.local for the server they came from. With nothing cached (no
 * server yet, the server unreachable since) the shipped lexicon alone is used.
 */
const APPROVED_KEY = 'approved-terms.v1';
export const APPROVED_FRESH_MS = 5 * 60_000;
const APPROVED_WAIT_MS = 1_000;

interface CachedApproved {
  readonly serverUrl: string;
  /** When this copy was fetched (absent in copies cached before it was kept: stale). */
  readonly fetchedAt?: number;
  readonly version: string | null;
  /** As the server sent it; checked by the lexicon's own parser when read. */
  readonly overlay: unknown;
}

export async function refreshApprovedTerms(api: ApiClient, serverUrl: string, area: KeyValueArea = chrome.storage.local, now = Date.now()): Promise<void> {
  const outcome = await api.lexicon();
  // Unreachable or a refused token: keep what we have (the next refresh asks again).
  if (outcome.kind === 'retry' || outcome.kind === 'auth') return;
  // A 404 comes from a server older than discovery: it approves nothing.
  const entry: CachedApproved =
    outcome.kind === 'ok'
      ? { serverUrl, fetchedAt: now, version: outcome.value.version, overlay: outcome.value.overlay }
      : { serverUrl, fetchedAt: now, version: null, overlay: null };
  await area.set({ [APPROVED_KEY]: entry });
}

/** The cached overlay of this server's approved terms; null when there is none or it does not parse. */
export async function approvedOverlay(serverUrl: string | null, area: KeyValueArea = chrome.storage.local): Promise<LexiconOverlay | null> {
  if (!serverUrl) return null;
  const cached = (await area.get(APPROVED_KEY))[APPROVED_KEY] as CachedApproved | undefined;
  // Terms approved on another server are not this one's.
  if (cached?.serverUrl !== serverUrl || cached.overlay === null) return null;
  try {
    return parseOverlay(cached.overlay, `the lexicon overlay ${cached.version ?? ''} of ${serverUrl}`);
  } catch (error) {
    console.warn("faceleak: ignoring the server's approved terms", error);
    return null;
  }
}

/**
 * The approved terms for the highlighter: the cached overlay, refreshed first when older than
 * APPROVED_FRESH_MS. The refresh is waited on briefly; a slow or unreachable server leaves the cached
 * copy in use (the refresh still lands for the next page).
 */
export async function freshApprovedOverlay(
  api: ApiClient | null,
  serverUrl: string | null,
  area: KeyValueArea = chrome.storage.local,
  now = Date.now(),
): Promise<LexiconOverlay | null> {
  if (api && serverUrl) {
    const cached = (await area.get(APPROVED_KEY))[APPROVED_KEY] as CachedApproved | undefined;
    const fresh = cached?.serverUrl === serverUrl && cached.fetchedAt !== undefined && now - cached.fetchedAt < APPROVED_FRESH_MS;
    if (!fresh) {
      const refresh = refreshApprovedTerms(api, serverUrl, area, now).catch((error: unknown) =>
        console.warn('faceleak: could not refresh the approved terms', error),
      );
      await Promise.race([refresh, new Promise((resolve) => setTimeout(resolve, APPROVED_WAIT_MS))]);
    }
  }
  return approvedOverlay(serverUrl, area);
}
