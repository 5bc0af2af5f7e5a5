import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { WARCRecord, WARCSerializer } from 'warcio';

/**
 * One listing page as a WARC 1.1 file (ISO 28500), what was fetched and nothing else: never images,
 * media or what the page's scripts downloaded (faces stay off our disks).
 *   warcinfo   — who wrote it and why (listing id, flagged or reported)
 *   response   — the page as served: status line, response headers, the body's bytes (static fetch)
 *   conversion — the page as Chromium rendered it (its DOM serialized), referring to the response
 *   metadata   — fetch time, content hash, SHA-256 of each body (JSON)
 * Every record carries WARC-Block-Digest and WARC-Payload-Digest (sha256:hex); the file's own SHA-256 is
 * kept in the database.
 */
export interface PageCapture {
  readonly listingId: number;
  readonly url: string;
  readonly fetchedAt: string;
  readonly contentHash: string;
  readonly reason: 'flagged' | 'reported';
  readonly served: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: Uint8Array } | null;
  readonly rendered: string | null;
}

const DIGEST = { algo: 'sha-256', prefix: 'sha256:', base32: false } as const;
const WARC_VERSION = 'WARC/1.1';

// The body is stored decoded and whole: headers describing another transfer form would mislead a replay.
const TRANSFER_HEADERS = new Set(['transfer-encoding', 'content-encoding', 'content-length']);

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Sets a record's digests as warcio would compute them (payload: the body; block: the HTTP head, if
 * any, then the body), with Node's SHA-256: warcio makes a new WebAssembly hasher for each digest of
 * each record, and instantiating them was most of a snapshot's cost. Set before serializing, in the
 * order warcio sets them, so the file is the same byte for byte; warcio keeps digests it finds.
 */
function withDigests(record: WARCRecord, body: Uint8Array): WARCRecord {
  const block = createHash('sha256');
  if (record.httpHeaders) block.update(`${record.httpHeaders.toString()}\r\n`);
  block.update(body);
  record.warcHeaders.headers.set('WARC-Payload-Digest', `${DIGEST.prefix}${sha256Hex(body)}`);
  record.warcHeaders.headers.set('WARC-Block-Digest', `${DIGEST.prefix}${block.digest('hex')}`);
  return record;
}

export async function pageWarc(c: PageCapture): Promise<Buffer> {
  const date = new Date(c.fetchedAt).toISOString();
  const records: WARCRecord[] = [
    WARCRecord.createWARCInfo(
      { filename: `listing-${c.listingId}.warc`, warcVersion: WARC_VERSION },
      { software: 'faceleak', format: 'WARC File Format 1.1', 'faceleak-listing-id': String(c.listingId), 'faceleak-reason': c.reason },
    ),
  ];
  let servedId: string | undefined;
  if (c.served) {
    const headers = Object.entries(c.served.headers).map(([k, v]): [string, string] => [TRANSFER_HEADERS.has(k.toLowerCase()) ? `x-archive-orig-${k}` : k, v]);
    const response = withDigests(
      WARCRecord.create(
        {
          url: c.url,
          date,
          type: 'response',
          warcVersion: WARC_VERSION,
          statusline: `HTTP/1.1 ${c.served.status} ${STATUS_CODES[c.served.status] ?? ''}`.trimEnd(),
          httpHeaders: headers,
        },
        [c.served.body],
      ),
      c.served.body,
    );
    servedId = response.warcHeader('WARC-Record-ID') ?? undefined;
    records.push(response);
  }
  const rendered = c.rendered !== null ? new TextEncoder().encode(c.rendered) : null;
  if (rendered) {
    records.push(
      withDigests(
        WARCRecord.create(
          {
            url: c.url,
            date,
            type: 'conversion',
            warcVersion: WARC_VERSION,
            warcHeaders: { 'Content-Type': 'text/html; charset=utf-8', ...(servedId ? { 'WARC-Refers-To': servedId } : {}) },
          },
          [rendered],
        ),
        rendered,
      ),
    );
  }
  const meta = {
    listingId: c.listingId,
    url: c.url,
    fetchedAt: c.fetchedAt,
    contentHash: c.contentHash,
    reason: c.reason,
    servedSha256: c.served ? sha256Hex(c.served.body) : null,
    renderedSha256: rendered ? sha256Hex(rendered) : null,
  };
  const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
  records.push(
    withDigests(
      WARCRecord.create({ url: c.url, date, type: 'metadata', warcVersion: WARC_VERSION, warcHeaders: { 'Content-Type': 'application/json' } }, [metaBytes]),
      metaBytes,
    ),
  );
  const parts = await Promise.all(records.map((r) => WARCSerializer.serialize(r, { gzip: false, digest: DIGEST })));
  return Buffer.concat(parts);
}
