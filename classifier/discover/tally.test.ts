import { describe, expect, it } from 'vitest';
import { IN_TITLE } from './field-units.js';
import type { ListingReading } from './read-listing.js';
import { TallyBook } from './tally.js';

const reading: ListingReading = { verdict: 'flagged', weight: 1, votes: [1, 0, 0, 0], fields: [] };
const units = (flags: number) => new Map([['雪花卡', { kind: 'han' as const, flags }]]);

describe('tally of titles', () => {
  it('counts the offer-like listings with a title apart from those whose title holds the unit', () => {
    const book = new TallyBook();
    book.addOffer(0, reading, units(IN_TITLE), true);
    book.addOffer(1, reading, units(0), true);
    // A comment: no title at all, so it is neither.
    book.addOffer(2, reading, units(0), false);
    const t = book.byKey.get('雪花卡')!;
    expect(t.listings).toBe(3);
    expect(t.title).toBe(1);
    expect(t.titled).toBe(2);
  });
});
