import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BlockedAddressError } from '../crawler/fetch/address-policy.js';
import { BrowserPool } from '../crawler/fetch/browser-pool.js';
import { PermanentError } from '../contracts/index.js';
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
      if (req.url === '/api/item') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ title: '人脸四件套 懂的来' }));
        return;
      }
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
      res.end(
        `<h1 id="t">x</h1><script>fetch('${inner.origin}/meta').then(r=>r.text()).then(t=>document.querySelector('#t').textContent=t).catch(()=>document.querySelector('#t').textContent='blocked')</script>`,
      );
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
    await expect(pool.render(`http://localhost:${port}/`, { allowedHosts: new Set([`localhost:${port}`]), allowPrivateNetwork: false })).rejects.toBeInstanceOf(
      BlockedAddressError,
    );
    expect(s.requests).toEqual([]);
  });

  it('skips pages that are not HTML', async () => {
    const s = await startServer((_req, res) => {
      res.setHeader('content-type', 'application/pdf');
      res.end('%PDF-1.4');
    });
    servers.push(s);
    await expect(pool.render(`${s.origin}/doc.pdf`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true })).rejects.toBeInstanceOf(PermanentError);
  });

  /** A listing whose seller shows up late (its API answers after 800 ms) and whose scripts navigate away first. */
  const navigatingListing = (navigation: string) => (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/api/seller') {
      setTimeout(() => res.end('卖家小王'), 800);
      return;
    }
    if (req.url !== '/item/7') {
      res.setHeader('content-type', 'text/html');
      res.end('<title>another page</title>');
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<title>人脸四件套</title><p id="seller"></p><script>${navigation}
fetch('/api/seller').then((r) => r.text()).then((t) => { document.querySelector('#seller').textContent = t; });</script>`);
  };
  const hasSeller = (html: string) => html.includes('卖家小王');

  it('keeps a listing that navigates to a host outside allowedHosts as its own page, under the crawled URL', async () => {
    const elsewhere = await startServer((_req, res) => res.end('<title>elsewhere</title>'));
    const s = await startServer(navigatingListing(`setTimeout(() => { location.href = '${elsewhere.origin}/x'; }, 300);`));
    servers.push(elsewhere, s);
    const page = await pool.render(`${s.origin}/item/7`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true }, hasSeller);
    expect(page.url).toBe(`${s.origin}/item/7`);
    expect(page.html).toContain('<title>人脸四件套</title>');
    expect(page.html).toContain('卖家小王'); // drawn at 800 ms: the document outlived the navigation at 300 ms
    expect(page.html).not.toContain('is blocked');
    expect(elsewhere.requests).toEqual([]);
  });

  it('keeps the listing when its scripts navigate within the site, at once or later', async () => {
    const s = await startServer(navigatingListing(`location.replace('/other'); setTimeout(() => { location.href = '/later'; }, 300);`));
    servers.push(s);
    const page = await pool.render(`${s.origin}/item/7`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true }, hasSeller);
    expect(page).toMatchObject({ url: `${s.origin}/item/7`, status: 200 });
    expect(hasSeller(page.html)).toBe(true);
    expect(s.requests).toEqual(['/item/7', '/api/seller']);
  });

  it("takes the next listing of a site for its document, not a navigation the previous listing's scripts keep starting", async () => {
    // The same site's listings are rendered one after another without unloading the previous one
    // first: its scripts, still running while the next page loads, ask for /trap again and again.
    const s = await startServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url === '/item/1') return res.end(`<title>first</title><script>setInterval(() => { location.href = '/trap'; }, 2);</script>`);
      if (req.url === '/item/2') return res.end('<title>second</title><p>卖家小王</p>');
      return res.end('<title>trap</title>');
    });
    servers.push(s);
    const policy = { allowedHosts: new Set([s.host]), allowPrivateNetwork: true };
    const ownPool = new BrowserPool({ chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', timeoutMs: 10_000 });
    try {
      for (let round = 0; round < 3; round++) {
        await ownPool.render(`${s.origin}/item/1`, policy, (html) => html.includes('first'));
        const second = await ownPool.render(`${s.origin}/item/2`, policy, hasSeller);
        expect(second).toMatchObject({ url: `${s.origin}/item/2`, status: 200 });
        expect(second.html).toContain('<title>second</title>');
      }
      expect(s.requests).not.toContain('/trap');
    } finally {
      await ownPool.close();
    }
  });

  // At once, the page is gone while it is still being read (Chromium destroys the context we wait in):
  // the failure must still be the permanent one, not a retry (CI's load once made it one).
  it.each([
    ['later', `setTimeout(() => { location.href = 'about:blank'; }, 300);`],
    ['at once', `location.href = 'about:blank';`],
  ])('fails the render, permanently, when the page replaces itself without a request (about:blank, %s)', async (_when, navigation) => {
    const s = await startServer(navigatingListing(navigation));
    servers.push(s);
    const error = await pool.render(`${s.origin}/item/7`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true }, hasSeller).catch((e: unknown) => e);
    // The message first: when this fails, it says which way the render went.
    expect(String((error as Error).message)).toMatch(/navigated itself away to about:/);
    expect(error).toBeInstanceOf(PermanentError);
  });
});
