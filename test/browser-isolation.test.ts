import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FatalError } from '../contracts/index.js';
import { BrowserPool } from '../crawler/fetch/browser-pool.js';
import { assertIsolated } from '../crawler/fetch/chromium-launch.js';
import { startServer, type TestServer } from './helpers/http-server.js';
import { listenUdp, type UdpListener } from './helpers/udp-listener.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NETNS_WRAPPER = fileURLToPath(new URL('../bin/chromium-netns', import.meta.url));
// How long a rendered page gets to reach the listener. Unguarded, Chromium's first STUN packets
// arrive well within a second and are resent every few hundred milliseconds.
const LISTEN_MS = 3000;

/** A listing page that tries to reach 127.0.0.1 and ::1 over UDP with STUN and TURN. */
const webrtcPage = (port: number) => `<!doctype html><title>人脸数据 出售</title><h1>高清人脸四件套</h1><script>
const pc = new RTCPeerConnection({ iceServers: [
  { urls: 'stun:127.0.0.1:${port}' }, { urls: 'stun:[::1]:${port}' },
  { urls: 'turn:127.0.0.1:${port}?transport=udp', username: 'u', credential: 'p' },
  { urls: 'turn:[::1]:${port}?transport=udp', username: 'u', credential: 'p' },
] });
pc.createDataChannel('leak');
pc.createOffer().then((offer) => pc.setLocalDescription(offer)).then(() => { document.body.dataset.rtc = 'offered'; }, (e) => { document.body.dataset.rtc = 'failed ' + e; });
</script>`;

const offered = (html: string) => html.includes('data-rtc="offered"');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
async function udp(): Promise<UdpListener> {
  const l = await listenUdp();
  closers.push(() => l.close());
  return l;
}
async function servePage(port: number): Promise<TestServer> {
  const s = await startServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(webrtcPage(port));
  });
  closers.push(() => s.close());
  return s;
}
/** Chromium launched directly, as the crawler did before, to show what the guards stop. */
async function launchUnguarded(viaNamespace: boolean): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: viaNamespace ? NETNS_WRAPPER : CHROMIUM,
    env: { ...process.env, FACELEAK_CHROMIUM: CHROMIUM },
    headless: true,
    args: ['--no-sandbox'],
  });
  closers.push(() => browser.close());
  return browser;
}
async function renderAndListen(pool: BrowserPool): Promise<UdpListener> {
  const listener = await udp();
  const s = await servePage(listener.port);
  const page = await pool.render(`${s.origin}/item/1`, { allowedHosts: new Set([s.host]), allowPrivateNetwork: true }, offered);
  expect(offered(page.html)).toBe(true);
  await sleep(LISTEN_MS); // the page sits rendered in the pool, its peer connection alive
  return listener;
}

describe('Chromium network isolation', () => {
  const pool = new BrowserPool({ chromiumPath: CHROMIUM, timeoutMs: 10_000 });
  const flagsOnly = new BrowserPool({ chromiumPath: CHROMIUM, timeoutMs: 10_000, networkIsolation: 'off' });
  afterAll(() => Promise.all([pool.close(), flagsOnly.close()]));

  it("control: an unguarded Chromium sends the page's STUN/TURN packets to 127.0.0.1 and ::1", async () => {
    const listener = await udp();
    const page = await (await launchUnguarded(false)).newPage();
    await page.setContent(webrtcPage(listener.port));
    const senders = () => new Set(listener.packets.map((p) => p.address));
    for (let waited = 0; senders().size < 2 && waited < LISTEN_MS; waited += 100) await sleep(100);
    expect([...senders()].sort()).toEqual(['127.0.0.1', '::1']);
  });

  it('a rendered page reaches no UDP listener: Chromium has no network', async () => {
    const listener = await renderAndListen(pool);
    expect(listener.packets).toEqual([]);
  });

  it('each guard holds on its own: the empty namespace without WebRTC flags, the flags without the namespace', async () => {
    const isolatedOnly = await udp();
    const page = await (await launchUnguarded(true)).newPage();
    await page.setContent(webrtcPage(isolatedOnly.port));
    await page.waitForFunction(() => document.body.dataset.rtc === 'offered');
    const withFlags = await renderAndListen(flagsOnly);
    expect(isolatedOnly.packets).toEqual([]);
    expect(withFlags.packets).toEqual([]);
  });

  it('the launch check tells an isolated Chromium from one on the host network', async () => {
    await expect(assertIsolated(await launchUnguarded(true))).resolves.toBeUndefined();
    await expect(assertIsolated(await launchUnguarded(false))).rejects.toThrow(FatalError);
  });

  it('refuses to render, saying what to enable, when Chromium cannot be isolated', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent'; // no unshare to be found, as on a host without util-linux
    try {
      const refusing = new BrowserPool({ chromiumPath: CHROMIUM });
      const error = await refusing
        .render('http://127.0.0.1:9/', { allowedHosts: new Set(['127.0.0.1:9']), allowPrivateNetwork: true })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FatalError);
      expect(String((error as Error).message)).toMatch(/empty network namespace.*user namespaces.*CHROMIUM_NETWORK_ISOLATION=off/s);
    } finally {
      process.env.PATH = path;
    }
  });
});
