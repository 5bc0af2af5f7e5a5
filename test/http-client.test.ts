import { afterEach, describe, expect, it } from 'vitest';
import { BlockedAddressError } from '../crawler/fetch/address-policy.js';
import { fetchUrl, HostNotAllowedError } from '../crawler/fetch/http-client.js';
import { PermanentError, RetryableError } from '../contracts/index.js';
import { startServer, type TestServer } from './helpers/http-server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (...args: Parameters<typeof startServer>) => {
  const s = await startServer(...args);
  servers.push(s);
  return s;
};

describe('fetchUrl', () => {
  it('fetches an allowed local page and decodes its charset', async () => {
    const gbk = Buffer.from([0xc8, 0xcb, 0xc1, 0xb3]); // 人脸 in GBK
    const s = await serve((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=gbk');
      res.end(gbk);
    });
    const r = await fetchUrl(`${s.origin}/x`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true });
    expect(r).toMatchObject({ status: 200, body: '人脸', url: `${s.origin}/x` });
  });

  it('refuses a private address unless the site allows its private network, before any request', async () => {
    const s = await serve((_req, res) => res.end('secret'));
    await expect(fetchUrl(`${s.origin}/`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: false })).rejects.toBeInstanceOf(BlockedAddressError);
    expect(s.requests).toEqual([]);
  });

  it('refuses a DNS name that resolves to loopback', async () => {
    const s = await serve((_req, res) => res.end('secret'));
    const port = new URL(s.origin).port;
    const error = await fetchUrl(`http://localhost:${port}/`, { allowedHosts: new Set([`localhost:${port}`]), allowPrivateNetwork: false }).catch((e) => e);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(String(error.message)).toMatch(/localhost at (127\.0\.0\.1|::1)/);
    expect(s.requests).toEqual([]);
  });

  it('checks the address again on every redirect', async () => {
    const inner = await serve((_req, res) => res.end('internal'), '127.0.0.2');
    const outer = await serve((_req, res) => {
      res.writeHead(302, { location: `${inner.origin}/admin` });
      res.end();
    });
    const policy = { allowedHosts: new Set([outer.host, inner.host]), allowPrivateNetwork: false, addressAllowed: (a: string) => a === '127.0.0.1' };
    await expect(fetchUrl(`${outer.origin}/go`, policy)).rejects.toBeInstanceOf(BlockedAddressError);
    expect(outer.requests).toEqual(['/go']);
    expect(inner.requests).toEqual([]);
  });

  it('refuses a redirect to a host outside allowedHosts and non-http schemes', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(301, { location: 'http://elsewhere.example/' });
      res.end();
    });
    await expect(fetchUrl(`${s.origin}/`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true })).rejects.toBeInstanceOf(HostNotAllowedError);
    await expect(fetchUrl('file:///etc/passwd', { allowedHosts: new Set(['']), allowPrivateNetwork: true })).rejects.toThrow(/only http and https/);
  });

  it('caps the response size and times out slow servers as retryable', async () => {
    const big = await serve((_req, res) => res.end('x'.repeat(2000)));
    await expect(fetchUrl(`${big.origin}/`, { allowedHosts: new Set([big.host]), allowPrivateNetwork: true, maxBytes: 1000 })).rejects.toBeInstanceOf(
      PermanentError,
    );
    const slow = await serve(() => {});
    await expect(fetchUrl(`${slow.origin}/`, { allowedHosts: new Set([slow.host]), allowPrivateNetwork: true, timeoutMs: 300 })).rejects.toBeInstanceOf(
      RetryableError,
    );
  });

  it('returns HTTP error statuses for the caller to judge', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(503, { 'retry-after': '7' });
      res.end('busy');
    });
    const r = await fetchUrl(`${s.origin}/`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true });
    expect(r).toMatchObject({ status: 503, headers: { 'retry-after': '7' } });
  });
});
