import type { SiteConfig } from '../contracts/index.js';
import { PermanentError, RetryableError } from '../contracts/index.js';
import type { BrowserPool } from './fetch/browser-pool.js';
import { fetchUrl, type FetchPolicy } from './fetch/http-client.js';
import { retryAfterMs, type HostGate, type HostLimits } from './politeness/host-gate.js';

export interface FetchedPage {
  readonly url: string;
  readonly status: number;
  readonly html: string;
  readonly rendered: boolean;
  /** The response's validators (static fetches only), for the next visit's conditional request. */
  readonly validators?: PageValidators;
  /** What the server sent (static fetches only): kept in a flagged listing's evidence snapshot (WARC). */
  readonly served?: { readonly headers: Readonly<Record<string, string>>; readonly body: Uint8Array };
}

/** ETag and Last-Modified as the server sent them (null when it sent none). */
export interface PageValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface PageFetcher {
  readonly gate: HostGate;
  readonly browser: BrowserPool;
}

/** Limits for a host: the site's, slowed further by robots.txt's Crawl-delay. */
export function hostLimits(site: SiteConfig, crawlDelayMs: number): HostLimits {
  const rps = crawlDelayMs > 0 ? Math.min(site.rateLimit.requestsPerSecond, 1000 / crawlDelayMs) : site.rateLimit.requestsPerSecond;
  return { requestsPerSecond: rps, maxConcurrency: site.rateLimit.maxConcurrency };
}

/**
 * One polite request for a page (a slot on its host is held for its duration), statically or in
 * Chromium. 429/503 hold every worker off the host for Retry-After and retry; other 5xx retry;
 * 4xx (404, 410, 403…) are permanent; anything but HTML is skipped.
 */
export async function fetchPage(
  f: PageFetcher,
  url: string,
  policy: FetchPolicy,
  limits: HostLimits,
  render: boolean,
  ready?: (html: string) => boolean,
): Promise<FetchedPage> {
  const host = new URL(url).host.toLowerCase();
  const lease = await f.gate.acquire(host, limits);
  let page: FetchedPage;
  let headers: Record<string, string> = {};
  try {
    if (render) {
      const r = await f.browser.render(url, policy, ready);
      page = { url: r.url, status: r.status, html: r.html, rendered: true };
    } else {
      const r = await fetchUrl(url, policy);
      headers = r.headers;
      if (r.status < 300 && !/html|xml/i.test(r.contentType) && r.contentType !== '') throw new PermanentError(`${url}: not HTML (${r.contentType})`);
      page = { url: r.url, status: r.status, html: r.body, rendered: false, validators: validatorsOf(r.headers), served: { headers: r.headers, body: r.raw } };
    }
  } finally {
    await f.gate.release(lease);
  }
  if (page.status >= 200 && page.status < 300) return page;
  return throwForStatus(f, url, page.status, headers);
}

export const validatorsOf = (headers: Record<string, string>): PageValidators => ({
  etag: headers.etag ?? null,
  lastModified: headers['last-modified'] ?? null,
});

/**
 * What a status other than 2xx means for the job: 429/503 hold every worker off the host for
 * Retry-After and retry; other 5xx retry; 4xx are permanent.
 */
export async function throwForStatus(f: PageFetcher, url: string, status: number, headers: Record<string, string>): Promise<never> {
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(headers['retry-after']) ?? 5000;
    await f.gate.backOff(new URL(url).host.toLowerCase(), wait);
    throw new RetryableError(`${url}: HTTP ${status}, host backed off ${wait} ms`, wait);
  }
  if (status >= 500) throw new RetryableError(`${url}: HTTP ${status}`);
  throw new PermanentError(`${url}: HTTP ${status}`);
}
