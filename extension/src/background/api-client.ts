import { z } from 'zod';
// The API's own response schemas (server/schemas.ts: pure zod, no I/O), so client and server cannot drift.
import {
  CallerSchema,
  LexiconResponseSchema,
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
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs: number | null }
  | { readonly kind: 'auth'; readonly status: number; readonly reason: string }
  | { readonly kind: 'reject'; readonly status: number; readonly reason: string };

// Lenient on purpose: an error code added by a newer server must still read as an error, not as garbage.
const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export { AcceptedSchema, CallerSchema, ReportStateSchema, SitesSchema };
export type Accepted = z.infer<typeof AcceptedSchema>;
export type ReportState = z.infer<typeof ReportStateSchema>;
export type Caller = z.infer<typeof CallerSchema>;
export type Sites = z.infer<typeof SitesSchema>;
/** The overlay of approved terms in force: `overlay` is checked by the lexicon's own parser, not here. */
export type ApprovedLexicon = z.infer<typeof LexiconResponseSchema>;

/** A request taking longer than this is abandoned and retried. */
const TIMEOUT_MS = 20_000;

export interface ApiClient {
  submit(payload: ReportPayload): Promise<ApiOutcome<Accepted>>;
  reportState(id: string): Promise<ApiOutcome<ReportState>>;
  me(): Promise<ApiOutcome<Caller>>;
  sites(): Promise<ApiOutcome<Sites>>;
  lexicon(): Promise<ApiOutcome<ApprovedLexicon>>;
}

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
      // fetch gives one TypeError for DNS, refused connections, TLS and CORS refusals alike.
      return { kind: 'retry', reason: `cannot reach the server (${(error as Error).message})`, retryAfterMs: null };
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { kind: 'ok', value: parsed.data };
      return { kind: 'retry', reason: `the server's answer to ${method} ${path} is not the faceleak API's (HTTP ${response.status})`, retryAfterMs: null };
    }
    const error = ErrorBodySchema.safeParse(json);
    const reason = error.success ? `${error.data.error.message} (${error.data.error.code})` : `HTTP ${response.status} ${response.statusText}`.trim();
    if (response.status === 401 || response.status === 403) return { kind: 'auth', status: response.status, reason };
    if (response.status === 429 || response.status >= 500 || !error.success) {
      // A 4xx without the API's error body came from something in between (a proxy, a captive portal): worth retrying.
      return { kind: 'retry', reason, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()) };
    }
    return { kind: 'reject', status: response.status, reason };
  }
  return {
    submit: (payload) => call('POST', '/api/v1/reports', AcceptedSchema, payload),
    reportState: (id) => call('GET', `/api/v1/reports/${encodeURIComponent(id)}`, ReportStateSchema),
    me: () => call('GET', '/api/v1/me', CallerSchema),
    sites: () => call('GET', '/api/v1/sites', SitesSchema),
    lexicon: () => call('GET', '/api/v1/lexicon', LexiconResponseSchema),
  };
}
