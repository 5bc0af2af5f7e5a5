import { PermanentError } from '../contracts/index.js';
import { fetchUrl, type FetchPolicy } from './fetch/http-client.js';
import { throwForStatus, validatorsOf, type FetchedPage, type PageFetcher, type PageValidators } from './fetch-page.js';
import type { HostLimits } from './politeness/host-gate.js';

/**
 * What a revisit found: the page unchanged since the validators were given (304), gone (404, 410, or
 * a redirect to the site's "removed" page), or the page as it is now.
 */
export type RevisitFetch =
  { readonly kind: 'not-modified' } | { readonly kind: 'gone'; readonly reason: string } | { readonly kind: 'page'; readonly page: FetchedPage };

/** Statuses that say a listing was taken down: 404 Not Found, 410 Gone. */
const GONE = new Set([404, 410]);

/**
 * One polite, static, conditional request for a page fetched before: If-None-Match and
 * If-Modified-Since carry the last visit's validators, so an unchanged page costs the server a 304 and
 * no body. Statuses other than 2xx/304 and gone ones are judged as fetchPage judges them (429/503 back
 * the host off and retry, 5xx retry, other 4xx permanent).
 */
export async function fetchConditional(
  f: PageFetcher,
  url: string,
  policy: FetchPolicy,
  limits: HostLimits,
  validators: PageValidators | null,
  removedPattern: RegExp | null,
): Promise<RevisitFetch> {
  const headers: Record<string, string> = {};
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  const lease = await f.gate.acquire(new URL(url).host.toLowerCase(), limits);
  let r;
  try {
    r = await fetchUrl(url, policy, { headers });
  } finally {
    await f.gate.release(lease);
  }
  // A redirect to the removed page is judged before its status: such pages often answer 200.
  if (removedPattern && r.url !== new URL(url).href && removedPattern.test(r.url)) return { kind: 'gone', reason: `redirected to the removed page ${r.url}` };
  if (GONE.has(r.status)) return { kind: 'gone', reason: `HTTP ${r.status}` };
  if (r.status === 304) return { kind: 'not-modified' };
  if (r.status >= 200 && r.status < 300) {
    if (!/html|xml/i.test(r.contentType) && r.contentType !== '') throw new PermanentError(`${url}: not HTML (${r.contentType})`);
    const page: FetchedPage = {
      url: r.url,
      status: r.status,
      html: r.body,
      rendered: false,
      validators: validatorsOf(r.headers),
      served: { headers: r.headers, body: r.raw },
    };
    return { kind: 'page', page };
  }
  return throwForStatus(f, url, r.status, r.headers);
}
