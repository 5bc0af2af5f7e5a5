import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readListings } from './link.js';

describe('faceleak link: reading listings', () => {
  it('reads JSON Lines, skipping blank lines', async () => {
    const listings = await readListings(Readable.from(['{"id":"a","title":"x"}\n\n{"id":2}\n']), 'in.jsonl');
    expect(listings.map((l) => l.id)).toEqual(['a', '2']);
  });

  it('names the file and line of a bad line', async () => {
    await expect(readListings(Readable.from(['{"id":"a"}\n{"id":"b","title":5}\n']), 'in.jsonl')).rejects.toThrow(
      'in.jsonl:2: "title" must be a string or null',
    );
  });

  it('refuses an id given twice, since clusters name listings by id', async () => {
    await expect(readListings(Readable.from(['{"id":"a"}\n{"id":"a"}\n']), 'in.jsonl')).rejects.toThrow('in.jsonl:2: id "a" appears twice');
  });
});
