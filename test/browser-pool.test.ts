import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BlockedAddressError } from '../crawler/fetch/address-policy.js';
import { BrowserPool } from '../crawler/fetch/browser-pool.js';
import { PermanentError } from '../crawler/errors.js';
import { startServer, type TestServer } from './helpers/http-server.js';

const pool = new BrowserPool({ chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', timeoutMs: 10_000 });
afterAll(() => pool.close());
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const SPA = `<!doctype html><html><head><title>loading</title></head><body><div id="app"></div>
<script>fetch('/api/item').then(r => r.json()).then(d => { document.querySelector('#app').innerHTML = '<h1>' + d.title + '</h1><img src="/face.jpg">'; });</script></body></html>`;

describe('BrowserPool', () => {
  it('runs the page scripts and returns the rendered listing, without fetching images', async () => {
    const s = await startServer((req, res) => {
      if (req.url === '/api/item') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ title: '人脸四件套 懂的来' })); return; }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(SPA);
    });
    servers.push(s);
    const page = await pool.render(`${s.origin}/item/1`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true });
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>人脸四件套 懂的来</h1>');
    expect(s.requests).toContain('/api/item');
    expect(s.requests).not.toContain('/face.jpg');
  });

  it("refuses what the page's scripts ask of other hosts or forbidden addresses", async () => {
    const inner = await startServer((_req, res) => res.end('{"secret":1}'), '127.0.0.2');
    const outer = await startServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<h1 id="t">x</h1><script>fetch('${inner.origin}/meta').then(r=>r.text()).then(t=>document.querySelector('#t').textContent=t).catch(()=>document.querySelector('#t').textContent='blocked')</script>`);
    });
    servers.push(inner, outer);
    const policy = { allowedHosts: new Set([outer.host, inner.host]), allowPrivateNetwork: false, addressAllowed: (a: string) => a === '127.0.0.1' };
    const page = await pool.render(`${outer.origin}/`, policy);
    expect(page.html).toContain('>blocked<');
    expect(inner.requests).toEqual([]);
  });

  it('refuses a page on a forbidden address before Chromium connects anywhere', async () => {
    const s = await startServer((_req, res) => res.end('<h1>internal</h1>'));
    servers.push(s);
    const port = new URL(s.origin).port;
    await expect(pool.render(`http://localhost:${port}/`, { allowedHosts: new Set([`localhost:${port}`]), allowPrivateNetwork: false })).rejects.toBeInstanceOf(BlockedAddressError);
    expect(s.requests).toEqual([]);
  });

  it('skips pages that are not HTML', async () => {
    const s = await startServer((_req, res) => { res.setHeader('content-type', 'application/pdf'); res.end('%PDF-1.4'); });
    servers.push(s);
    await expect(pool.render(`${s.origin}/doc.pdf`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true })).rejects.toBeInstanceOf(PermanentError);
  });
});
