import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BrowserPool } from '../crawler/fetch/browser-pool.js';
import { detectCharset } from '../crawler/fetch/charset.js';
import { fetchUrl, type FetchPolicy } from '../crawler/fetch/http-client.js';
import { encodeLegacy } from './helpers/legacy-encoding.js';
import { startServer, type TestServer } from './helpers/http-server.js';

// Listing text as sellers write it: mainland pages in simplified Chinese (GBK), Taiwan and Hong
// Kong pages in traditional Chinese (Big5).
const SIMPLIFIED = '高清人脸照片四件套，懂的来。卖家：小王，价格：200元，量大从优，支持实名认证。';
const TRADITIONAL = '高清人臉照片四件套，懂的來。賣家：小王，價格：200元，量大從優，支援實名認證。';
const page = (text: string, head = '') => `<!doctype html><html><head>${head}<title>出售</title></head><body><h1>${text}</h1></body></html>`;

// Each page is served as text/html without a charset, the way the reviewed sites send them.
const PAGES = {
  gbk: encodeLegacy(page(SIMPLIFIED), 'gbk'),
  big5: encodeLegacy(page(TRADITIONAL), 'big5'),
  utf8: Buffer.from(page(SIMPLIFIED)),
};

describe('detectCharset', () => {
  it('sniffs undeclared pages: valid UTF-8, else GBK or Big5 by their text', () => {
    expect(detectCharset(PAGES.utf8, 'text/html')).toBe('utf-8');
    expect(detectCharset(PAGES.gbk, 'text/html')).toMatch(/^(gbk|gb18030)$/);
    expect(detectCharset(PAGES.big5, '')).toBe('big5');
  });

  it('follows declarations first: BOM, then the Content-Type charset, then <meta>', () => {
    const gbkWithMeta = encodeLegacy(page(SIMPLIFIED, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');
    expect(detectCharset(gbkWithMeta, 'text/html')).toBe('gbk');
    expect(detectCharset(Buffer.from(page(SIMPLIFIED, '<meta charset="big5">')), 'text/html; charset=utf-8')).toBe('utf-8');
    expect(detectCharset(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), PAGES.utf8]), 'text/html; charset=gbk')).toBe('utf-8');
    // A label nobody knows is no declaration: the page is sniffed.
    expect(detectCharset(PAGES.big5, 'text/html; charset=x-unknown')).toBe('big5');
  });
});

describe('pages without a declared charset', () => {
  const servers: TestServer[] = [];
  const pool = new BrowserPool({ chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', timeoutMs: 10_000 });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(() => pool.close());

  async function serve(body: Buffer): Promise<{ url: string; policy: FetchPolicy }> {
    const s = await startServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(body);
    });
    servers.push(s);
    return { url: `${s.origin}/item/1`, policy: { allowedHosts: new Set([s.host]), allowPrivateNetwork: true } };
  }

  for (const [name, text] of [
    ['gbk', SIMPLIFIED],
    ['big5', TRADITIONAL],
    ['utf8', SIMPLIFIED],
  ] as const) {
    it(`reads a ${name} page as its text, fetched statically and rendered`, async () => {
      const { url, policy } = await serve(PAGES[name]);
      const fetched = await fetchUrl(url, policy);
      expect(fetched.body).toContain(`<h1>${text}</h1>`);
      const rendered = await pool.render(url, policy);
      expect(rendered.html).toContain(`<h1>${text}</h1>`);
    });
  }
});
