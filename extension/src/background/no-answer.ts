import type { ConnectionResult } from '../shared/messages.js';

/**
 * Why a server address gave no answer a script may read. A browser's fetch fails with one TypeError
 * ("Failed to fetch") for a wrong port, an unknown host name and a CORS refusal alike, and an extension
 * has no DNS API; what it can do is ask again in no-cors mode, whose opaque answer still proves that
 * something answered:
 * - the address answers in no-cors mode: the server is there but does not let this extension in (CORS);
 * - nothing answers, and the host is an IP address or localhost: nothing listens on that port;
 * - nothing answers on the port given, but the host answers on its default port: a wrong port;
 * - the host answers on neither: the name does not resolve (a typo, a name only a VPN knows) or the
 *   machine is off the network.
 * Only the configured host is asked, on at most two ports, once per "Test connection".
 */
const ASK_TIMEOUT_MS = 4_000;

type Failure = Extract<ConnectionResult, { ok: false }>;

export async function whyNoAnswer(serverUrl: string, extensionOrigin: string, fetchFn: typeof fetch = fetch): Promise<Failure> {
  const url = new URL(serverUrl);
  const where = url.host;
  if (await answers(`${serverUrl}/healthz`, fetchFn)) {
    return {
      ok: false,
      problem: 'cors',
      message: `${url.origin} answers, but does not let this extension in. Press Save and allow the browser's access request, or have the server list ${extensionOrigin} in EXTENSION_ORIGINS.`,
    };
  }
  if (isAddressLiteral(url.hostname)) {
    return {
      ok: false,
      problem: 'no-answer',
      message: `nothing answers at ${where}: check the port, and that the faceleak server runs there (faceleak serve prints the address it listens on).`,
    };
  }
  if (url.port !== '' && (await answers(`${url.protocol}//${url.hostname}/`, fetchFn))) {
    return { ok: false, problem: 'wrong-port', message: `${url.hostname} answers, but not on port ${url.port}: check the port in the address.` };
  }
  return {
    ok: false,
    problem: 'unknown-host',
    message: `no machine named ${url.hostname} answers: check the name for typos (it may not exist), and your network or VPN.`,
  };
}

async function answers(url: string, fetchFn: typeof fetch): Promise<boolean> {
  try {
    await fetchFn(url, { mode: 'no-cors', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', signal: AbortSignal.timeout(ASK_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

/** An IPv4 or bracketed IPv6 address, or localhost: names no DNS has to resolve. */
export const isAddressLiteral = (hostname: string) => hostname === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');
