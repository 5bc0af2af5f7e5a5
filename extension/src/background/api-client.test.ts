import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';

// Report ids are UUIDs, as the API's schema says.
const R1 = '0b7c6a9e-3f1d-4c2a-9e8b-5d4f3a2b1c0d';

const settings = { serverUrl: 'https://faceleak.example', token: 'fl_secret' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const apiError = (status: number, code: string, message: string, headers: Record<string, string> = {}) => json(status, { error: { code, message } }, headers);
const payload = { url: 'https://m.example/item/1', title: '手持身份证照', clientReportId: '00000000-0000-4000-8000-000000000001' };

function clientAnswering(answer: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  }) as unknown as typeof fetch;
  return { api: createApiClient(settings, fetchFn, () => 0), calls };
}

describe('the API client', () => {
  it('posts the report with the bearer token, no cookies and no referrer', async () => {
    const { api, calls } = clientAnswering(() => json(202, { id: R1, status: 'queued' }));
    expect(await api.submit(payload)).toEqual({ kind: 'ok', value: { id: R1, status: 'queued' } });
    expect(calls[0]!.url).toBe('https://faceleak.example/api/v1/reports');
    expect(calls[0]!.init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { authorization: 'Bearer fl_secret', 'content-type': 'application/json' },
    });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual(payload);
  });

  it('sorts failures by what to do next', async () => {
    const cases: [() => Response | Promise<Response>, string, Record<string, unknown>][] = [
      [() => Promise.reject(new TypeError('Failed to fetch')), 'retry', { cause: 'network', reason: 'cannot reach the server' }],
      [
        () => Promise.reject(new DOMException('signal timed out', 'TimeoutError')),
        'retry',
        { cause: 'network', reason: 'the server did not answer within 20 s' },
      ],
      [() => apiError(503, 'FL_QUEUE_UNAVAILABLE', 'queue down'), 'retry', { cause: 'server', reason: 'queue down' }],
      [() => apiError(429, 'FL_RATE_LIMITED', 'slow down', { 'retry-after': '12' }), 'retry', { cause: 'server', retryAfterMs: 12_000 }],
      [() => new Response('<html>proxy error</html>', { status: 404 }), 'retry', { cause: 'foreign', reason: expect.stringContaining('HTTP 404') }],
      // A 401 that is not the API's (a proxy asking for its own login) says nothing about the token.
      [() => new Response('login first', { status: 401 }), 'retry', { cause: 'foreign' }],
      [() => json(200, { hello: 'not faceleak' }), 'retry', { cause: 'foreign' }],
      [
        () => apiError(401, 'FL_UNAUTHORIZED', 'unknown or revoked token'),
        'auth',
        { status: 401, reason: 'unknown or revoked token', code: 'FL_UNAUTHORIZED' },
      ],
      [() => apiError(403, 'FL_FORBIDDEN', 'this needs the role moderator'), 'auth', { status: 403 }],
      [() => apiError(413, 'FL_BODY_TOO_LARGE', 'too large'), 'reject', { status: 413, reason: 'too large', code: 'FL_BODY_TOO_LARGE' }],
    ];
    for (const [answer, kind, fields] of cases) {
      const { api } = clientAnswering(answer);
      expect(await api.submit(payload)).toMatchObject({ kind, ...fields });
    }
  });

  it('probes GET /healthz without the token, in no-cors mode, and says whether anything answered', async () => {
    const { api, calls } = clientAnswering(() => new Response(null, { status: 503 }));
    expect(await api.probe()).toBe(true);
    expect(calls[0]!.url).toBe('https://faceleak.example/healthz');
    expect(calls[0]!.init).toMatchObject({ mode: 'no-cors', credentials: 'omit' });
    expect(calls[0]!.init.headers).toBeUndefined();
    expect(await clientAnswering(() => Promise.reject(new TypeError('Failed to fetch'))).api.probe()).toBe(false);
  });

  it('reads a report state with its verdict', async () => {
    const verdict = { flagged: true, category: 'identity_kit', score: 0.9, evidence: [], modelVersion: 'm' };
    const { api, calls } = clientAnswering(() => json(200, { id: R1, status: 'classified', verdict }));
    // A verdict from before the review band reads as not in it.
    expect(await api.reportState(R1)).toEqual({ kind: 'ok', value: { id: R1, status: 'classified', verdict: { ...verdict, review: false } } });
    expect(calls[0]!.url).toBe(`https://faceleak.example/api/v1/reports/${R1}`);
    await api.reportState(R1, { withVerdict: false });
    expect(calls[1]!.url).toBe(`https://faceleak.example/api/v1/reports/${R1}?without=verdict`);
  });
});
