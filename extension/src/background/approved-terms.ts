import { parseOverlay, type LexiconOverlay } from '../../../classifier/portable.js';
import type { ApiClient } from './api-client.js';
import type { KeyValueArea } from './outbox.js';

/**
 * The terms investigators approved from code-word discovery (GET /api/v1/lexicon), so the highlighter
 * marks them as the server's classifier does. Fetched whenever the sites are (sites.ts: at most hourly)
 * and kept in storage.local for the server they came from. Highlighting never waits for the network:
 * it reads what is cached, and with nothing cached (no server yet, the server unreachable since) the
 * shipped lexicon alone is used.
 */
const APPROVED_KEY = 'approved-terms.v1';

interface CachedApproved {
  readonly serverUrl: string;
  readonly version: string | null;
  /** As the server sent it; checked by the lexicon's own parser when read. */
  readonly overlay: unknown;
}

export async function refreshApprovedTerms(api: ApiClient, serverUrl: string, area: KeyValueArea = chrome.storage.local): Promise<void> {
  const outcome = await api.lexicon();
  // Unreachable or a refused token: keep what we have (the next refresh asks again).
  if (outcome.kind === 'retry' || outcome.kind === 'auth') return;
  // A 404 comes from a server older than discovery: it approves nothing.
  const entry: CachedApproved =
    outcome.kind === 'ok' ? { serverUrl, version: outcome.value.version, overlay: outcome.value.overlay } : { serverUrl, version: null, overlay: null };
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
