import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../lexicon/load.js';
import { analyzeListing, type ListingFields } from './analyze.js';
import { readOffer } from './offer.js';

const lexicon = loadLexicon();
const offer = (listing: ListingFields) => readOffer(analyzeListing(lexicon, listing));
const structures = (listing: ListingFields) => [...offer(listing).structures].sort();

describe("the offer's structure", () => {
  it('reads a handheld-ID offer written in plain words, with no coded term', () => {
    const o = offer({ title: 'Holder shots, $3 per shot', description: 'The subject holds the document beside the face, text readable.' });
    expect([...o.structures]).toEqual(expect.arrayContaining(['frame', 'sale', 'concrete']));
    expect(o.parts).toContain('document');
  });

  it('reads a bundle of faces taken without consent', () => {
    expect(structures({ title: '地铁口随手拍的正脸 一万两千张 打包出' })).toEqual(expect.arrayContaining(['bundle', 'sale', 'concrete']));
    expect(structures({ description: '12,000 cropped faces scraped from a dating app, sold as one pack' })).toContain('bundle');
  });

  it('reads a kit: several identity items of one person', () => {
    const o = offer({ description: '身份证正反面 + 银行卡 + 手机卡，同一个人一套，20元一套' });
    expect(o.structures).toContain('kit');
    expect(o.kitItems).toBeGreaterThanOrEqual(3);
  });

  it("reads liveness bypass: the motions a face check asks for, made from anyone's photo", () => {
    expect(structures({ description: "Send any photo, I make the clip: blink, open mouth, turn head. Passes the app's face check. $8 per clip." })).toEqual(
      expect.arrayContaining(['liveness', 'concrete']),
    );
    expect(structures({ description: '3D printed bust from two photos, customers use it for face unlock' })).toContain('liveness');
  });

  it('names no product in everyday listings that share its words', () => {
    for (const title of ['Clear ID card holder with lanyard, pack of 5', '纯棉四件套 床上用品 1.8m床', 'Passport photo booth, same day prints']) {
      const s = structures({ title });
      expect(
        s.filter((x) => x !== 'sale' && x !== 'doc-images'),
        title,
      ).toEqual([]);
    }
  });

  it('turns negated realness and consent over: no real people is synthetic, 未脱敏 is without consent', () => {
    expect(offer({ description: 'This dataset contains no real people, every face is generated.' }).parts).toContain('synthetic');
    expect(offer({ description: 'This dataset contains no real people, every face is generated.' }).parts).not.toContain('real');
    expect(offer({ description: '三千张照片，未脱敏' }).parts).toContain('no-consent');
    expect(offer({ description: 'faces not anonymized' }).parts).toContain('no-consent');
  });
});
