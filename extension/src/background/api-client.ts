import { z } from 'zod';
// The API's own response schemas (server/schemas.ts: pure zod, no I/O), so client and server cannot drift.
import {
  CallerSchema,
  LexiconResponseSchema,
  MyReportsResponseSchema,
  ReportAcceptedSchema as AcceptedSchema,
  ReportStateSchema,
  SitesResponseSchema as SitesSchema,
} from '../../../contracts/api.js';
import type { ReportPayload } from '../shared/report.js';
import type { Settings } from '../shared/settings.js';
import { parseRetryAfter } from './backoff.js';

/**
 * The faceleak API as the background worker uses it. Every answer is sorted by what the caller should
 * do next, because that is all the outbox needs to know:
 * - ok: the value, checked against the API's documented shape;
 * - retry: try again later (network down, timeout, 5xx, 429 with its Retry-After, an answer that is
 *   not the API's): the request may succeed as it is;
 * - auth: 401 or 403, the token is wrong, revoked or of the wrong role: wait for new settings;
 * - reject: any other 4xx: this request will never succeed; the server's message says why.
 */
export type ApiOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'retry'; readonly cause: RetryCause; readonly reason: string; readonly retryAfterMs: number | null }
  | { readonly kind: 'auth'; readonly status: number; readonly reason: string; readonly code: string }
  | { readonly kind: 'reject'; readonly status: number; readonly reason: string; readonly code: string };

/**
 * Why a request may succeed later: `network`, nothing answered (no connection, DNS, a CORS refusal,
 * a timeout) — only then does the outbox probe for the server's return, since probing costs a silent
 * server nothing; `server`, the API answered with an error (5xx, 429); `foreign`, something answered
 * that is not the faceleak API (a proxy, a captive portal, another server on that address).
 */
export type RetryCause = 'network' | 'server' | 'foreign';

// Lenient on purpose: an error code added by a newer server must still read as an error, not as garbage.
const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export { AcceptedSchema, CallerSchema, ReportStateSchema, SitesSchema };
export type Accepted = z.infer<typeof AcceptedSchema>;
export type ReportState = z.infer<typeof ReportStateSchema>;
export type Caller = z.infer<typeof CallerSchema>;
export type Sites = z.infer<typeof SitesSchema>;
export type MyReports = z.infer<typeof MyReportsResponseSchema>;
/** The overlay of approved terms in force: `overlay` is checked by the lexicon's own parser, not here. */
export type ApprovedLexicon = z.infer<typeof LexiconResponseSchema>;

/** A request taking longer than this is abandoned and retried. */
const TIMEOUT_MS = 20_000;

export interface ApiClient {
  submit(payload: ReportPayload): Promise<ApiOutcome<Accepted>>;
  /** A report's status; `withVerdict: false` asks without the verdict (no listing text, so no audit-log entry). */
  reportState(id: string, options?: { withVerdict?: boolean }): Promise<ApiOutcome<ReportState>>;
  me(): Promise<ApiOutcome<Caller>>;
  sites(): Promise<ApiOutcome<Sites>>;
  lexicon(): Promise<ApiOutcome<ApprovedLexicon>>;
  /** The moderator's own reports of this address on the server (from any browser), newest first. */
  myReportsOf(url: string): Promise<ApiOutcome<MyReports>>;
  /**
   * Whether anything answers at the server's address now: GET /healthz in no-cors mode (no token, no
   * preflight, no rate limit; an opaque answer counts), the outbox's cheap probe during an outage.
   */
  probe(): Promise<boolean>;
}

/** A probe waits at most this long: on a loopback or LAN server an answer takes milliseconds. */
const PROBE_TIMEOUT_MS = 3_000;

export function createApiClient(settings: Settings, fetchFn: typeof fetch = fetch, now: () => number = Date.now): ApiClient {
  async function call<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown): Promise<ApiOutcome<T>> {
    let response: Response;
    try {
      response = await fetchFn(`${settings.serverUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${settings.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        // No cookies and no referrer: the token is the only credential, and the page's address stays ours.
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      // fetch gives one TypeError for DNS, refused connections, TLS and CORS refusals alike (connection.ts
      // tells them apart for the options page); its text ("Failed to fetch") helps nobody, so it is not shown.
      const timedOut = (error as Error).name === 'TimeoutError';
      const reason = timedOut ? `the server did not answer within ${TIMEOUT_MS / 1000} s` : 'cannot reach the server';
      return { kind: 'retry', cause: 'network', reason, retryAfterMs: null };
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { kind: 'ok', value: parsed.data };
      return {
        kind: 'retry',
        cause: 'foreign',
        reason: `the answer to ${method} ${path} is not the faceleak API's (HTTP ${response.status})`,
        retryAfterMs: null,
      };
    }
    const error = ErrorBodySchema.safeParse(json);
    if (!error.success) {
      // An error without the API's body came from something in between (a proxy, a captive portal, another
      // server on that address), even a 401 or 403: worth retrying, and the token is not to blame.
      const reason = `the answer to ${method} ${path} is not the faceleak API's (HTTP ${`${response.status} ${response.statusText}`.trim()})`;
      return { kind: 'retry', cause: 'foreign', reason, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()) };
    }
    // The message alone: callers that show the code add it once, so no message nests brackets.
    const { message: reason, code } = error.data.error;
    if (response.status === 401 || response.status === 403) return { kind: 'auth', status: response.status, reason, code };
    if (response.status === 429 || response.status >= 500) {
      return { kind: 'retry', cause: 'server', reason, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()) };
    }
    return { kind: 'reject', status: response.status, reason, code };
  }
  async function probe(): Promise<boolean> {
    try {
      await fetchFn(`${settings.serverUrl}/healthz`, {
        mode: 'no-cors',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      return true;
    } catch {
      return false;
    }
  }
  return {
    submit: (payload) => call('POST', '/api/v1/reports', AcceptedSchema, payload),
    reportState: (id, options = {}) =>
      call('GET', `/api/v1/reports/${encodeURIComponent(id)}${options.withVerdict === false ? '?without=verdict' : ''}`, ReportStateSchema),
    me: () => call('GET', '/api/v1/me', CallerSchema),
    sites: () => call('GET', '/api/v1/sites', SitesSchema),
    lexicon: () => call('GET', '/api/v1/lexicon', LexiconResponseSchema),
    myReportsOf: (url) => call('GET', `/api/v1/reports?url=${encodeURIComponent(url)}`, MyReportsResponseSchema),
    probe,
  };
}
