import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listingsFromJsonl } from './discover.js';

async function read(text: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'discover-')), 'listings.jsonl');
  writeFileSync(path, text);
  const out = [];
  for await (const l of listingsFromJsonl(path)) out.push(l);
  return { path, out };
}

describe('faceleak discover input', () => {
  it('reads listings line by line, numbers as text, a missing id named by its line', async () => {
    const { out } = await read('{"id":"a","title":"x","price":3}\n\n{"title":"y"}\n{"id":7,"description":"z"}\n');
    expect(out).toEqual([
      { id: 'a', title: 'x', price: '3' },
      { id: 'line-3', title: 'y' },
      { id: '7', description: 'z' },
    ]);
  });

  it('stops at a line that is not a listing, naming the file and line', async () => {
    await expect(read('{"id":"a","title":"x"}\n{"id":"b","title":["no"]}\n')).rejects.toThrow(/listings\.jsonl:2: "title" must be a string/);
    await expect(read('{"id":"a"}\nnot json\n')).rejects.toThrow(/listings\.jsonl:2: not valid JSON/);
  });
});
