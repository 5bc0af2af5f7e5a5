import { describe, expect, it } from 'vitest';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import { pageWarc } from './warc.js';

type Digest = string | null;

/** The digests warcio computes itself for a record's block and payload. */
async function warcioDigests(record: WARCRecord): Promise<[Digest, Digest]> {
  await WARCSerializer.serialize(record, { gzip: false, digest: { algo: 'sha-256', prefix: 'sha256:', base32: false } });
  return [record.warcPayloadDigest ?? null, record.warcBlockDigest ?? null];
}

describe('a snapshot WARC', () => {
  it('carries the digests warcio would compute, for the response, the rendered page and the metadata', async () => {
    const body = new TextEncoder().encode('<p>héllo</p>');
    const warc = await pageWarc({
      listingId: 7,
      url: 'http://m.example/item/1',
      fetchedAt: '2026-01-02T03:04:05.000Z',
      contentHash: 'abc',
      reason: 'flagged',
      served: { status: 200, headers: { 'content-type': 'text/html', 'x-ü': 'v' }, body },
      rendered: '<html>rendé</html>',
    });
    const parsed: { type: string | null | undefined; payload: Digest; block: Digest; expected: [Digest, Digest] }[] = [];
    for await (const r of WARCParser.iterRecords([warc], { keepHeadersCase: true })) {
      const type = r.warcType;
      const payload = r.warcPayloadDigest ?? null;
      const block = r.warcBlockDigest ?? null;
      if (type === 'warcinfo') continue;
      const content = await r.readFully(false);
      const again =
        type === 'response'
          ? WARCRecord.create(
              { url: 'http://m.example/item/1', type: 'response', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'content-type': 'text/html', 'x-ü': 'v' } },
              [body],
            )
          : WARCRecord.create({ url: 'http://m.example/item/1', type: type as 'metadata' }, [content]);
      parsed.push({ type, payload, block, expected: await warcioDigests(again) });
    }
    expect(parsed.map((p) => p.type)).toEqual(['response', 'conversion', 'metadata']);
    for (const p of parsed) {
      expect(p.payload).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect([p.payload, p.block]).toEqual(p.expected);
    }
  });
});
