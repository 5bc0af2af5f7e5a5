import { isIP } from 'node:net';
import { Agent, errors as undiciErrors, request } from 'undici';
import { PermanentError, RetryableError } from '../../contracts/index.js';
import { checkAddress, guardedLookup, isPublicAddress, type AddressRule } from './address-policy.js';
import { decodeBody, detectCharset } from './charset.js';

/** What the client may fetch. Defaults: 20 s per request, 5 MiB per response, 5 redirects. */
export interface FetchPolicy {
  readonly allowedHosts: ReadonlySet<string>;
  readonly allowPrivateNetwork: boolean;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
  /**
   * Which resolved addresses may be connected to. Default: public addresses only, or any address
   * when allowPrivateNetwork. Tests use it to stand a loopback alias in for a forbidden address.
   */
  readonly addressAllowed?: (address: string) => boolean;
}

export interface FetchedResponse {
  /** The URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly contentType: string;
  /** The charset the body was decoded with: declared, or detected when the server declared none (see charset.ts). */
  readonly charset: string;
  /** The body decoded as text in that charset. */
  readonly body: string;
  readonly raw: Buffer;
  readonly bytes: number;
}

/** A request other than a plain GET (the browser's scripts make these). */
export interface RequestInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer | string;
}

export const USER_AGENT = 'faceleak-crawler/0.1 (trust and safety; +https://github.com/faceleak)';

// One connection pool per address rule; the guarded lookup runs on every new connection.
const agents = new Map<AddressRule, Agent>();
function agentFor(rule: AddressRule): Agent {
  let agent = agents.get(rule);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(rule) as never }, keepAliveTimeout: 10_000 });
    agents.set(rule, agent);
  }
  return agent;
}

const PUBLIC_ONLY: AddressRule = isPublicAddress;
const ANY_ADDRESS: AddressRule = () => true;
const ruleOf = (policy: FetchPolicy): AddressRule => policy.addressAllowed ?? (policy.allowPrivateNetwork ? ANY_ADDRESS : PUBLIC_ONLY);

export class HostNotAllowedError extends PermanentError {
  override name = 'HostNotAllowedError';
}

/** Checks a URL against the policy before any connection: scheme, host, and literal IP addresses. */
export function checkUrl(url: URL, policy: FetchPolicy): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HostNotAllowedError(`refused ${url.href}: only http and https are fetched`);
  if (!policy.allowedHosts.has(url.host.toLowerCase())) throw new HostNotAllowedError(`refused ${url.href}: host ${url.host} is not in allowedHosts`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address never goes through DNS lookup, so it is checked here.
  if (isIP(host)) checkAddress(host, host, ruleOf(policy));
}

/** GETs a URL under the policy. HTTP error statuses are returned, not thrown; the caller decides. */
export async function fetchUrl(input: string, policy: FetchPolicy, init: RequestInit = {}): Promise<FetchedResponse> {
  let url = new URL(input);
  let current = init;
  const maxRedirects = policy.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    checkUrl(url, policy);
    const response = await send(url, policy, current);
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      await response.discard();
      if (hop >= maxRedirects) throw new PermanentError(`too many redirects from ${input}`);
      url = new URL(location, url);
      // 303, and 301/302 after a POST, continue as GET without a body (as browsers do).
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && current.method && current.method !== 'GET'))
        current = { headers: current.headers };
      continue;
    }
    const { body, bytes } = await response.read(policy.maxBytes ?? 5 * 1024 * 1024);
    const contentType = response.headers['content-type'] ?? '';
    const charset = detectCharset(body, contentType);
    return { url: url.href, status: response.status, headers: response.headers, contentType, charset, body: decodeBody(body, charset), raw: body, bytes };
  }
}

// Headers a caller may not set: they describe the connection, which is ours.
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'proxy-connection', 'accept-encoding']);

async function send(url: URL, policy: FetchPolicy, init: RequestInit) {
  const timeout = policy.timeoutMs ?? 20_000;
  const extra = Object.fromEntries(Object.entries(init.headers ?? {}).filter(([k]) => !HOP_HEADERS.has(k.toLowerCase()) && !k.startsWith(':')));
  try {
    const res = await request(url, {
      method: (init.method ?? 'GET') as 'GET',
      body: init.body,
      dispatcher: agentFor(ruleOf(policy)),
      headers: {
        accept: 'text/html,application/xhtml+xml,*/*;q=0.5',
        'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8',
        ...extra,
        'user-agent': policy.userAgent ?? USER_AGENT,
      },
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal: AbortSignal.timeout(timeout),
    });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    return {
      status: res.statusCode,
      headers,
      discard: () => res.body.dump(),
      async read(maxBytes: number) {
        const declared = Number(headers['content-length'] ?? NaN);
        if (declared > maxBytes) {
          await res.body.dump();
          throw new PermanentError(`${url.href}: response of ${declared} bytes is over the ${maxBytes}-byte cap`);
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        for await (const chunk of res.body) {
          bytes += (chunk as Buffer).length;
          if (bytes > maxBytes) {
            res.body.destroy();
            throw new PermanentError(`${url.href}: response is over the ${maxBytes}-byte cap`);
          }
          chunks.push(chunk as Buffer);
        }
        return { body: Buffer.concat(chunks), bytes };
      },
    };
  } catch (error) {
    throw toCrawlError(url, error);
  }
}

function toCrawlError(url: URL, error: unknown): Error {
  if (error instanceof PermanentError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof PermanentError) return cause;
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError || (error as Error).name === 'TimeoutError') {
    return new RetryableError(`${url.href}: timed out`);
  }
  const code = (error as NodeJS.ErrnoException).code ?? (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTFOUND') return new PermanentError(`${url.href}: host not found`);
  return new RetryableError(`${url.href}: ${(error as Error).message}${code ? ` (${code})` : ''}`);
}
