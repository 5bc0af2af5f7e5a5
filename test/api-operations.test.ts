import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../crawler/site-config.js';
import { addReportSite, createToken, saveListing } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';
import { listingRecord } from './fixtures/listing-record.js';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('the operations side of the API', () => {
  const s = apiTestScope(STORE_KINDS.sqlite, 'api-ops', { rateLimitPerMinute: 5, extensionOrigins: [EXTENSION] });
  let admin: string;
  let inv: string;
  beforeEach(async () => {
    admin = await createToken(s.t.store, 'admin-a', 'admin');
    inv = await createToken(s.t.store, 'inv-a', 'investigator');
  });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('limits each token on its own and answers 429 with a code and Retry-After', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(inv) })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(inv) });
    expect(limited.json().error.code).toBe('FL_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another token still has its whole allowance; health checks are never limited.
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(admin) })).statusCode).toBe(200);
    for (let i = 0; i < 7; i++) expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('allows CORS for the extension origin only', async () => {
    const preflight = (origin: string) =>
      s.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/reports',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const ok = await preflight(EXTENSION);
    expect(ok.headers['access-control-allow-origin']).toBe(EXTENSION);
    expect(String(ok.headers['access-control-allow-headers'])).toMatch(/authorization/);
    const evil = await preflight('https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const get = await s.app.inject({ method: 'GET', url: '/api/v1/me', headers: { ...bearer(inv), origin: 'https://evil.example' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("lists the registered sites' hosts and field selectors for the extension, nothing more", async () => {
    await addReportSite(
      s.t.store,
      parseSiteConfig({ name: 'm1', startUrls: ['https://m1.example/s'], allowedHosts: ['m1.example', 'img.m1.example'], fields: { title: 'h1.t' } }),
      { source: 'admin', by: 'test', recrawlPrivate: false },
    );
    const mod = await createToken(s.t.store, 'mod-b', 'moderator');
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/sites', headers: bearer(mod) });
    expect(res.json()).toEqual({ items: [{ name: 'm1', hosts: ['m1.example', 'img.m1.example'], fields: { title: 'h1.t' } }] });
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/sites' })).statusCode).toBe(401);
  });

  it('checks the token before reading the body', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { url: 'not a url' } });
    expect([res.statusCode, res.json().error.code]).toEqual([401, 'FL_UNAUTHORIZED']);
  });

  it('exports Prometheus metrics: queue depths, listings by verdict and decision, reports, requests', async () => {
    await saveListing(s.t.store, listingRecord('http://m.example/1', { title: '手持身份证照', contentHash: 'h1' }), {
      flagged: true,
      review: false,
      category: 'id_holding_photo',
      score: 0.97,
      evidence: [],
      modelVersion: 'm',
    });
    const mod = await createToken(s.t.store, 'mod-a', 'moderator');
    await s.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: bearer(mod),
      payload: { url: 'https://m.example/2', title: '人脸四件套', clientReportId: randomUUID() },
    });
    const res = await s.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/^faceleak_queue_jobs\{state="waiting"\} 1$/m);
    expect(res.body).toMatch(/^faceleak_listings\{flagged="true",category="id_holding_photo",decision="none"\} 1$/m);
    expect(res.body).toMatch(/^faceleak_reports\{status="queued"\} 1$/m);
    expect(res.body).toMatch(/^faceleak_http_requests_total\{method="POST",route="\/api\/v1\/reports",status="202"\} 1$/m);
    expect(res.body).toMatch(/^faceleak_process_resident_memory_bytes \d+/m);
  });

  it('publishes an OpenAPI document made from the route schemas', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const report = doc.paths['/api/v1/reports'].post;
    const body = report.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['url', 'clientReportId']));
    expect(Object.keys(report.responses)).toEqual(expect.arrayContaining(['202', '400', '401', '413']));
    expect(doc.paths['/api/v1/listings'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['category', 'q', 'cursor']));
    expect(doc.components.securitySchemes.bearer.scheme).toBe('bearer');
    expect(doc.paths['/admin/queues']).toBeUndefined();
    expect((await s.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('serves Bull Board to admins only, asking a browser for the token', async () => {
    const anon = await s.app.inject({ method: 'GET', url: '/admin/queues' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['www-authenticate']).toMatch(/^Basic /);
    expect((await s.app.inject({ method: 'GET', url: '/admin/queues', headers: bearer(inv) })).statusCode).toBe(403);
    const basic = `Basic ${Buffer.from(`admin:${admin}`).toString('base64')}`;
    const page = await s.app.inject({ method: 'GET', url: '/admin/queues', headers: { authorization: basic } });
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, expect.stringMatching(/text\/html/)]);
    const queues = await s.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { authorization: basic } });
    expect(queues.json().queues.map((q: { name: string }) => q.name)).toEqual(['work']);
  });
});
