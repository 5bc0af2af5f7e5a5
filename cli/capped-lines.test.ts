import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cappedLines, type CappedLine } from './capped-lines.js';

async function collect(chunks: (string | Buffer)[], maxBytes: number): Promise<CappedLine[]> {
  const out: CappedLine[] = [];
  for await (const lines of cappedLines(Readable.from(chunks), maxBytes)) out.push(...lines);
  return out;
}

describe('cappedLines', () => {
  it('splits on newlines across chunks, drops CR, keeps blank lines and a last line without newline', async () => {
    expect(await collect(['a\r\nb', 'c\n\n', 'd'], 100)).toEqual([{ text: 'a' }, { text: 'bc' }, { text: '' }, { text: 'd' }]);
    expect(await collect(['a\n'], 100)).toEqual([{ text: 'a' }]);
    expect(await collect([], 100)).toEqual([]);
  });

  it('never cuts a UTF-8 character split between chunks', async () => {
    const bytes = Buffer.from('人脸\n', 'utf8');
    expect(await collect([bytes.subarray(0, 2), bytes.subarray(2, 4), bytes.subarray(4)], 100)).toEqual([{ text: '人脸' }]);
  });

  it('reports a line over the cap by its size, drops it, and reads the next line', async () => {
    expect(await collect(['ok\n', 'x'.repeat(6), 'y'.repeat(6), '\nfine\n', 'z'.repeat(11)], 10)).toEqual([
      { text: 'ok' },
      { tooLongBytes: 12 },
      { text: 'fine' },
      { tooLongBytes: 11 },
    ]);
    expect(await collect(['x'.repeat(10), '\n'], 10)).toEqual([{ text: 'x'.repeat(10) }]);
  });
});
