import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, parseListingLine } from './listing-line.js';

describe('parseListingLine', () => {
  it('cuts fields over the cap, names them, and leaves shorter ones whole', () => {
    const parsed = parseListingLine(JSON.stringify({ id: 1, title: 'short', description: 'a'.repeat(MAX_FIELD_CHARS + 10), price: 12 }));
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.listing.description).toHaveLength(MAX_FIELD_CHARS);
    expect(parsed.listing).toMatchObject({ title: 'short', price: '12' });
    expect(parsed.truncated).toEqual(['description']);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const parsed = parseListingLine(JSON.stringify({ title: `${'a'.repeat(MAX_FIELD_CHARS - 1)}😀tail` }));
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.listing.title).toBe('a'.repeat(MAX_FIELD_CHARS - 1));
    expect(parsed.truncated).toEqual(['title']);
  });
});
