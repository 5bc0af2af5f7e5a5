import { describe, expect, it } from 'vitest';
import { Classifier } from '../classify.js';
import { cleanConcreteOffer } from '../concrete-offer.js';
import { OverlayError, overlayVersion, parseOverlay } from '../lexicon/overlay.js';
import { analyzeListing } from '../rules/analyze.js';
import { readOffer } from '../rules/offer.js';
import { CLASSES } from '../model/model-file.js';

const shipped = Classifier.load();
const overlay = parseOverlay({
  name: 'review 2024-06',
  terms: [
    { term: '雾面照', variants: ['wumianzhao', '霧面照'], category: 'id_holding_photo', needsSignal: false, approvedBy: 'investigator 7' },
    { term: 'blue sheet', variants: ['blue sheets'], category: 'identity_kit', needsSignal: true },
  ],
});
const approved = Classifier.load({ overlay });

describe('a lexicon overlay of approved terms', () => {
  it('makes the rules find an approved term at once, as evidence that says it was approved', () => {
    const listing = { title: '出雾面照 五毛一张 加v' };
    expect(shipped.classify(listing).evidence.map((e) => e.text)).not.toContain('雾面照');
    const v = approved.classify(listing);
    expect(v.evidence).toContainEqual(
      expect.objectContaining({ text: '雾面照', reason: expect.stringMatching(/^approved term: 雾面照 for id_holding_photo/) }),
    );
    expect(v.flagged).toBe(true);
    // Its variants too, as the seller wrote them.
    expect(approved.classify({ title: '霧面照 一張八毛' }).evidence.map((e) => e.text)).toContain('霧面照');
    expect(approved.classify({ title: 'wumianzhao 1元一张' }).evidence.map((e) => e.reason)).toContain(
      'approved term: 雾面照 for id_holding_photo, disguised spelling',
    );
  });

  it('names the overlay in the version, and only what the rules read changes it', () => {
    expect(approved.version).toBe(`${shipped.version}+${overlayVersion(overlay)}`);
    expect(approved.version).toMatch(/\+ov-[0-9a-f]{8}$/);
    const reordered = parseOverlay({ terms: [...overlay.terms].reverse().map((t) => ({ ...t, approvedBy: 'someone else' })) });
    expect(overlayVersion(reordered)).toBe(overlayVersion(overlay));
    expect(overlayVersion(parseOverlay({ terms: [{ ...overlay.terms[0]!, needsSignal: true }] }))).not.toBe(
      overlayVersion(parseOverlay({ terms: [overlay.terms[0]!] })),
    );
  });

  it('reads a term that needs a trade signal as ambiguous alone, and as naming its product beside one', () => {
    const alone = approved.classify({ title: 'blue sheet pattern for quilting' });
    expect(alone.evidence.find((e) => e.text === 'blue sheet')?.reason).toBe('approved term: blue sheet for identity_kit (ambiguous alone)');
    expect(alone.flagged).toBe(false);
    const listing = { title: 'blue sheets in stock', description: 'full set per person, $40 each, telegram @bluesheetz' };
    expect(approved.classify(listing).evidence.map((e) => e.text)).toContain('blue sheets');
    // Beside the signals it counts for its category. Its category's odds, not the score: the term also takes the
    // place of the bedding context the shipped lexicon read in "sheets", which moves the other classes either way.
    const kitOdds = (classifier: Classifier) => {
      const p = classifier.score(listing).probabilities;
      return p[CLASSES.indexOf('identity_kit')]! / p[0]!;
    };
    expect(kitOdds(approved)).toBeGreaterThan(kitOdds(shipped) * 2);
  });

  it('lets an approved term that needs a trade signal name the product of a concrete offer floor once the listing says whose faces it sells', () => {
    const listing = { title: 'blue sheets wholesale', description: 'blue sheets $9 each, min 50, female and male, ages 20-40, tg @bluesheetz' };
    expect(approved.classify(listing).flagged).toBe(true);
    // Sale terms alone are what any shop's listing holds: bed sheets sold by the piece stay bed sheets.
    expect(approved.classify({ title: 'blue sheets wholesale', description: 'blue sheets $9 each, min 50, tg @bluesheetz' }).flagged).toBe(false);
    expect(shipped.classify(listing).flagged).toBe(false);
    // The floor itself, whatever the model scores (a model that flags the listing on its own never reaches it).
    const floorWith = (classifier: Classifier) => {
      const analysis = analyzeListing(classifier.lexicon, listing);
      return cleanConcreteOffer(analysis, readOffer(analysis));
    };
    expect(floorWith(approved)?.product.entry).toMatchObject({ category: 'identity_kit', approved: expect.anything() });
    expect(floorWith(shipped)).toBeNull();
    // Alone, with no sale terms, it names nothing.
    expect(approved.classify({ title: 'blue sheets', description: 'min 50 of them' }).flagged).toBe(false);
  });

  it('is plain JSON that names what is wrong with a bad one', () => {
    expect(JSON.parse(JSON.stringify(overlay))).toEqual(overlay);
    expect(() => parseOverlay('{')).toThrow(OverlayError);
    expect(() => parseOverlay({ terms: [{ term: 'x', category: 'bedding', needsSignal: true }] })).toThrow(/terms\.0\.category/);
    expect(() =>
      parseOverlay({
        terms: [
          { term: '雾面照', category: 'face_bundle', needsSignal: true },
          { term: '霧面照', category: 'face_bundle', needsSignal: true },
        ],
      }),
    ).toThrow(/approved twice/);
    expect(() => parseOverlay({ terms: [{ term: '…', category: 'face_bundle', needsSignal: true }] })).toThrow(/nothing|no letters/);
  });
});
