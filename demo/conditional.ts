import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * HTTP validators for the demo market's pages, as a real marketplace's CDN gives them: a strong ETag of
 * the body and the Last-Modified time of what the page shows. The watch tests count how often a
 * conditional request was answered 304 instead of with the page.
 */
export interface Validators {
  readonly etag: string;
  /** HTTP date (second resolution). */
  readonly lastModified: string;
}

export function validatorsOf(body: string, modifiedAt: number): Validators {
  return { etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`, lastModified: new Date(modifiedAt).toUTCString() };
}

/** Whether the request's If-None-Match or If-Modified-Since says the client already has this body (RFC 9110 §13.2.2 order). */
export function notModified(req: IncomingMessage, v: Validators): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return inm.split(',').some((t) => t.trim() === v.etag || t.trim() === '*');
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Date.parse(v.lastModified) <= since;
}

/** Whether the request carried a validator at all. */
export const isConditional = (req: IncomingMessage): boolean => req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
