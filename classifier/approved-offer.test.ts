import { describe, expect, it } from 'vitest';
import { approvedTermOffer } from './approved-offer.js';
import { Classifier } from './classify.js';
import { loadLexicon } from './lexicon/load.js';
import { parseOverlay } from './lexicon/overlay.js';
import { analyzeListing, type ListingFields } from './rules/analyze.js';
import { readOffer } from './rules/offer.js';

// Invented words with innocent meanings, approved as an investigator would: ambiguous alone.
const overlay = parseOverlay({
  terms: [
    { term: '白切鸡', category: 'face_bundle', needsSignal: true },
    { term: 'skein', variants: ['skeins'], category: 'face_bundle', needsSignal: true },
    { term: 'lunchbox', variants: ['lunchboxes'], category: 'identity_kit', needsSignal: true },
  ],
});
const lexicon = loadLexicon(undefined, overlay);
const floorOf = (listing: ListingFields) => {
  const analysis = analyzeListing(lexicon, listing);
  return approvedTermOffer(analysis, readOffer(analysis));
};
const text = (listing: ListingFields, h: { field: string; start: number; end: number }) =>
  (h.field === 'title' ? listing.title : listing.description)!.slice(h.start, h.end);

describe('an offer named by an approved term beside a trade signal', () => {
  it('reads the approved term with a price per unit, a quantity or a contact, beside something of the trade', () => {
    const listing = { title: '白切鸡 批发', description: '白切鸡 正脸 五毛一张 一万张起' };
    const floor = floorOf(listing);
    expect(floor).not.toBeNull();
    expect(text(listing, floor!.product)).toBe('白切鸡');
    // Beside people picked by sex and age instead of a part of the trade.
    expect(floorOf({ description: 'skeins: female 25-35, $6 a skein, 100 minimum' })).not.toBeNull();
    // Beside another coded term.
    expect(floorOf({ description: 'lunchboxes and skeins in bulk, tg only' })).not.toBeNull();
  });

  it("refuses the word's innocent goods at a price per unit, and an approved term with no signal", () => {
    expect(floorOf({ title: 'Hand-dyed skeins', description: 'Merino fingering, speckled colorways, $26 each, 6 skeins in stock' })).toBeNull();
    expect(floorOf({ title: '白切鸡 外卖', description: '白切鸡 一份38元 批量订餐' })).toBeNull();
    expect(floorOf({ description: '白切鸡 正脸 清晰度高' })).toBeNull();
  });

  it('refuses the same offer framed as talk about the trade, asked about or denied', () => {
    expect(floorOf({ description: '白切鸡 正脸 五毛一张 一万张起' })).not.toBeNull();
    for (const description of [
      '警方提醒：白切鸡 正脸 五毛一张 一万张起',
      '白切鸡 正脸 五毛一张 一万张起 有人知道是真的吗？',
      '不卖白切鸡 正脸 五毛一张 一万张起',
    ]) {
      expect(floorOf({ description }), description).toBeNull();
    }
  });

  it('flags it with the approved term and the signal first in the evidence, and only with the overlay', () => {
    // (With a price per unit and a quantity, the concrete-offer floor reads it first.)
    const listing = { title: 'lunchboxes wholesale', description: 'lunchboxes wholesale, each a different person, tg only, ID included' };
    const shipped = Classifier.load();
    const approved = Classifier.load({ overlay });
    expect(shipped.classify(listing).flagged).toBe(false);
    const v = approved.classify(listing);
    expect(v.flagged).toBe(true);
    expect(v.category).toBe('identity_kit');
    expect(v.evidence.slice(0, 2).map((e) => e.reason.split(':')[0])).toEqual([
      'approved offer (not negated, not framed as talk about the trade)',
      'approved offer',
    ]);
    expect(v.evidence[0]!.text.toLowerCase()).toContain('lunchbox');
  });
});
