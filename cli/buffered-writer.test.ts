import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BufferedWriter } from './buffered-writer.js';

/** A stream that keeps what it is given, as buffers, and reports how many writes it took. */
function sink(highWaterMark = 1024 * 1024) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  return { stream, chunks, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('BufferedWriter', () => {
  it('writes every text in order, multi-byte characters and lines longer than a chunk included', async () => {
    const s = sink();
    const w = new BufferedWriter(s.stream, 64);
    const texts = ['{"id":"1","text":"手持身份证照"}\n', 'x'.repeat(500), '\n', '🪪 ', `${'人脸'.repeat(300)}\n`, 'end\n'];
    for (let i = 0; i < 50; i++) for (const t of texts) await w.write(`${i}${t}`);
    await w.end();
    await new Promise<void>((resolve) => s.stream.end(resolve));
    expect(s.text()).toBe(Array.from({ length: 50 }, (_, i) => texts.map((t) => `${i}${t}`).join('')).join(''));
  });

  it('writes in chunks of about chunkSize bytes, not a write per text', async () => {
    const s = sink();
    const w = new BufferedWriter(s.stream, 1024);
    for (let i = 0; i < 1000; i++) if (w.add(`line ${i} 身份证\n`)) await w.flush();
    await w.end();
    await new Promise<void>((resolve) => s.stream.end(resolve));
    expect(s.chunks.length).toBeLessThan(25);
    expect(s.chunks.slice(0, -1).every((c) => c.length >= 1024 && c.length < 1100)).toBe(true);
  });

  it('waits for drain when the stream is full, and never changes a chunk once given', async () => {
    const s = sink(16);
    const w = new BufferedWriter(s.stream, 32);
    for (let i = 0; i < 200; i++) await w.write(`${i.toString().padStart(40, '.')}\n`);
    await w.end();
    await new Promise<void>((resolve) => s.stream.end(resolve));
    expect(s.text().split('\n').slice(0, -1)).toEqual(Array.from({ length: 200 }, (_, i) => i.toString().padStart(40, '.')));
  });
});
