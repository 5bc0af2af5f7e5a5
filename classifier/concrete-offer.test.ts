import { describe, expect, it } from 'vitest';
import { Classifier } from './classify.js';
import { cleanConcreteOffer } from './concrete-offer.js';
import { loadLexicon } from './lexicon/load.js';
import { analyzeListing, type ListingFields } from './rules/analyze.js';
import { readOffer } from './rules/offer.js';

const lexicon = loadLexicon();
const floorOf = (listing: ListingFields) => {
  const analysis = analyzeListing(lexicon, listing);
  return cleanConcreteOffer(analysis, readOffer(analysis));
};
const OFFER = '手持身份证照 五毛一张 打包出';

describe('the concrete offer floor', () => {
  it('reads a clean offer: a coded term, a price per unit, bulk', () => {
    const floor = floorOf({ title: 'fullz', description: OFFER });
    expect(floor).not.toBeNull();
    const text = (h: { start: number; end: number }) => OFFER.slice(h.start, h.end);
    expect([text(floor!.product), text(floor!.terms), text(floor!.bulk)]).toEqual(['手持身份证照', '五毛一张', '打包出']);
    // A cover in a clause of its own is what a seller adds; it does not cancel the offer.
    expect(floorOf({ title: '[Studio] 手持身份证照 打包出', description: '五毛一张。纯棉四件套 床上用品 1.8m床' })).not.toBeNull();
  });

  it('refuses the same words framed as talk about the trade', () => {
    for (const description of [
      `警方提醒：${OFFER}，千万不要出售`,
      '记者调查发现，网上有人把手持身份证照五毛一张打包出售',
      // One frame word is enough: the added-sentences floor reads a lone one as a seller's aside, this floor does not.
      `记者暗访 ${OFFER}`,
      `${OFFER} 有人知道这是真的吗？`,
      `“${OFFER}”`,
      `${OFFER} 已授权`,
    ]) {
      expect(floorOf({ title: 'x', description }), description).toBeNull();
    }
  });

  it('refuses a denied offer, one without bulk, and a price per period', () => {
    // Each beside the same listing without what refuses it, which the floor reads.
    expect(floorOf({ description: OFFER })).not.toBeNull();
    expect(floorOf({ description: `不卖${OFFER}` })).toBeNull();
    expect(floorOf({ description: 'selfie holding your ID, $2 per selfie, 5000 photos in bulk' })).not.toBeNull();
    expect(floorOf({ description: 'Never sell your selfie holding your ID, $2 per selfie, 5000 photos in bulk' })).toBeNull();
    expect(floorOf({ description: '手持身份证照 五毛一张 加V' })).toBeNull();
    expect(floorOf({ description: '人脸信息 9.9元/张 打包' })).not.toBeNull();
    expect(floorOf({ description: '人脸信息 9.9元/年 打包' })).toBeNull();
  });

  it("refuses a cover that is the listing's own product", () => {
    // The cover word shares a clause with the price, or is the whole title: a studio, an access-control terminal.
    expect(floorOf({ description: '报名照 2块一张 满一百张打包' })).not.toBeNull();
    expect(floorOf({ description: '报名照 换底色 2块一张 满一百张打包' })).toBeNull();
    expect(floorOf({ title: 'x', description: '人脸库 ¥450/台 支持1万人脸库' })).not.toBeNull();
    expect(floorOf({ title: '人脸识别门禁一体机 考勤机', description: '人脸库 ¥450/台 支持1万人脸库' })).toBeNull();
  });

  it("flags the issue's listing whatever the model's wording says, naming the parts first in the evidence", () => {
    expect(Classifier.load().classify({ title: 'fullz', description: OFFER }).flagged).toBe(true);
    // A threshold above any score the model gives this wording: what flags it is the floor, whatever the
    // shipped model of the day scores (one retrained model put it just over its own threshold).
    const classifier = Classifier.load({ threshold: 0.999 });
    const v = classifier.classify({ title: 'fullz', description: OFFER });
    expect(v.flagged).toBe(true);
    expect(v.evidence.slice(0, 3).map((e) => [e.text, e.reason.split(':')[0]])).toEqual([
      ['手持身份证照', 'concrete offer (not negated, not framed as talk about the trade)'],
      ['五毛一张', 'concrete offer'],
      ['打包出', 'concrete offer'],
    ]);
    const warned = classifier.classify({ title: '警方提醒', description: `${OFFER}，千万不要出售` });
    expect(warned.evidence.some((e) => e.reason.startsWith('concrete offer'))).toBe(false);
  });
});
