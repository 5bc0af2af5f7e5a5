import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readlink } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { FatalError } from '../../contracts/index.js';

/**
 * How Chromium is kept off the network.
 * - required: Chromium runs in an empty network namespace (bin/chromium-netns); rendering is
 *   refused when that is impossible or Chromium turns out not to be isolated.
 * - off: Chromium shares the host's network. Only the dead proxy and the WebRTC flags below stand
 *   between a hostile page and the network; for hosts that block Chromium's egress another way.
 */
export type NetworkIsolation = 'required' | 'off';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--mute-audio',
  // Chromium's own networking points at a dead proxy: anything that escaped our route handler
  // (and so our guarded client) fails instead of connecting.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  // WebRTC sends STUN/TURN over UDP, which neither request routing nor the proxy sees. Defence in
  // depth behind the network namespace: no UDP that does not go through the (dead) proxy, and no
  // enumeration of local addresses.
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--enforce-webrtc-ip-permission-check',
  // Without a cap, Chromium started a new renderer process for nearly every listing rendered four at
  // once (109 processes for 60 script-rendered demo pages, 8 with it), a good part of a render's CPU.
  // Past the cap, listings may share a renderer: they hold nothing another page could want (Chromium
  // has no network and each context its own storage).
  '--renderer-process-limit=8',
];

// The wrapper, found from this module in the sources (crawler/fetch/) and in the build (dist/crawler/fetch/).
const NETNS_WRAPPER = ['../../bin/chromium-netns', '../../../bin/chromium-netns']
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find((p) => existsSync(p));

const HOW_TO_ENABLE =
  'Chromium renders hostile pages and must run without network access, in an empty network namespace (bin/chromium-netns: unshare --user --net). ' +
  'Enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1 and user.max_user_namespaces>0; on Ubuntu 24.04+ kernel.apparmor_restrict_unprivileged_userns=0; ' +
  "in Docker a seccomp profile that allows unshare), install util-linux, or — only where the host already blocks Chromium's network another way — set CHROMIUM_NETWORK_ISOLATION=off";

/** Launches Chromium for rendering, isolated from the network unless isolation is off. */
export async function launchChromium(chromiumPath: string, isolation: NetworkIsolation): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new FatalError(`Chromium not found at ${chromiumPath}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`);
  // Imported here, at the first page that needs a browser: loading playwright-core is a good part of the
  // start-up of a process that crawls only static pages, and every `faceleak crawl` and worker pays its start-up.
  const { chromium } = await import('playwright-core');
  if (isolation === 'off') return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });

  if (!NETNS_WRAPPER) throw new FatalError(`bin/chromium-netns is missing from the faceleak install. ${HOW_TO_ENABLE}`);
  await probeNamespace(NETNS_WRAPPER);
  const browser = await chromium.launch({
    executablePath: NETNS_WRAPPER,
    env: { ...process.env, FACELEAK_CHROMIUM: chromiumPath },
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    await assertIsolated(browser);
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
  return browser;
}

/** Runs the wrapper on `true`: says clearly why an isolated launch is impossible, before Chromium hides it in a launch log. */
function probeNamespace(wrapper: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(wrapper, [], { env: { ...process.env, FACELEAK_CHROMIUM: 'true' }, timeout: 10_000 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const why = String(stderr).trim() || error.message;
      reject(new FatalError(`cannot start Chromium in an empty network namespace (${why}). ${HOW_TO_ENABLE}`));
    });
  });
}

/**
 * Checks, from the kernel's side, that every Chromium process (as Chromium itself lists them) sits
 * in a network namespace other than ours that holds nothing but a loopback interface.
 */
export async function assertIsolated(browser: Browser): Promise<void> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach().catch(() => {});
  const ours = await readlink('/proc/self/ns/net');
  const main = processInfo.find((p) => p.type === 'browser');
  if (!main) throw new FatalError(`Chromium did not report its browser process; cannot check its network isolation. ${HOW_TO_ENABLE}`);
  for (const p of processInfo) {
    let namespace: string;
    let interfaces: string[];
    try {
      namespace = await readlink(`/proc/${p.id}/ns/net`);
      interfaces = (await readFile(`/proc/${p.id}/net/dev`, 'utf8'))
        .split('\n')
        .slice(2)
        .map((line) => line.split(':')[0]!.trim())
        .filter(Boolean);
    } catch (error) {
      if (p === main) throw new FatalError(`cannot check Chromium's network isolation (${(error as Error).message}). ${HOW_TO_ENABLE}`);
      continue; // a helper process that has exited since Chromium listed it
    }
    if (namespace === ours || interfaces.some((name) => name !== 'lo')) {
      throw new FatalError(`Chromium's ${p.type} process ${p.id} has network access (${namespace}, interfaces ${interfaces.join(', ')}). ${HOW_TO_ENABLE}`);
    }
  }
}
