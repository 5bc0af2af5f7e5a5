import { describe, expect, it } from 'vitest';
import { withoutAddedSentences } from './added-sentences.js';
import { Classifier } from './classify.js';
import type { ListingFields } from './rules/analyze.js';

const classifier = Classifier.load();
const variantsOf = (listing: ListingFields) => {
  const s = classifier.score(listing);
  return withoutAddedSentences(listing, s.analysis, s.offer).map((v) => v.listing);
};

describe('the listing without what a seller may have added', () => {
  it('cuts a cover run on after a space from a title read alone', () => {
    const title = '人脸四件套 现货 不拆 量大优惠 预约拍摄请提前一天联系，周末名额有限。';
    const titles = variantsOf({ title }).map((v) => v.title);
    expect(titles).toContainEqual(expect.stringMatching(/^人脸四件套 现货 不拆 量大优惠\s*$/));
  });

  it('cuts a long tag before the offer in a title read alone', () => {
    const titles = variantsOf({ title: 'Cozy cotton bedding, soft and breathable – selfie with ID, US, $3 each' }).map((v) => v.title);
    expect(titles).toContainEqual(expect.stringMatching(/^[\s–]*selfie with ID, US, \$3 each$/));
  });

  it('leaves a word or two after the offer alone: that is not a sentence of its own', () => {
    expect(variantsOf({ title: '人脸四件套 现货 注意事项' })).toEqual([]);
  });

  it('does not cut a description at a space: a benign one says what it is in words no rule knows', () => {
    const listing = { title: '手持身份证照 五毛一张', description: '手持身份证照 五毛一张 这是反诈宣传海报的示例文字请勿模仿' };
    for (const v of variantsOf(listing)) expect(v.description).toBe(listing.description);
  });

  it('cuts a sentence run on after the offer in an English description without a full stop between', () => {
    const listing = {
      title: 'Selfie with ID',
      description: 'Selfie holding ID card, clear face, $5 each, bulk 100+ Perfect for your bedroom this soft cotton set keeps you cool all night',
    };
    const descriptions = variantsOf(listing).map((v) => v.description);
    expect(descriptions).toContainEqual(expect.stringMatching(/^Selfie holding ID card, clear face, \$5 each, bulk 100\+\s*$/));
  });

  it('cuts a borrowed cover run on before the offer, and says it was only a cover', () => {
    const listing = {
      title: 'Selfie with ID',
      description: 'Soft cotton bedding set for your home and family Selfie holding ID card, clear face, $5 each, bulk 100+',
    };
    const s = classifier.score(listing);
    const variants = withoutAddedSentences(listing, s.analysis, s.offer);
    expect(variants).toContainEqual({
      listing: { ...listing, description: ' Selfie holding ID card, clear face, $5 each, bulk 100+' },
      atThreshold: true,
      edgeSentence: false,
    });
  });

  it('reads no sentence start at an acronym or a capital after a capital: ID Card, KYC Pack stay whole', () => {
    const listing = {
      title: 'Selfie with ID',
      description: 'Selfie holding your ID Card and KYC Pack for verification, $5 each with clear face and bright light',
    };
    for (const v of variantsOf(listing)) expect(v.description).toBe(listing.description);
  });

  it('says when what it left out is only a borrowed cover beyond the title, and not when it is ordinary text', () => {
    const s = classifier.score({ title: '四件套 现货 懂的来', description: '证件保护套尺寸标准，放进去刚刚好。' });
    const [cover] = withoutAddedSentences({ title: '四件套 现货 懂的来', description: '证件保护套尺寸标准，放进去刚刚好。' }, s.analysis, s.offer);
    expect(cover).toMatchObject({ listing: { title: '四件套 现货 懂的来' }, atThreshold: true });
    const plain = { title: '四件套 现货 懂的来', description: '这件商品质量很好，欢迎选购。' };
    const p = classifier.score(plain);
    const [ordinary] = withoutAddedSentences(plain, p.analysis, p.offer);
    expect(ordinary).toMatchObject({ atThreshold: false });
  });

  it('leaves out a sentence run on after the offer of a lone title, at the threshold', () => {
    const listing = { title: '四件套 现货 懂的来 本店纯棉床品柔软亲肤，全场包邮欢迎选购。' };
    const s = classifier.score(listing);
    const variants = withoutAddedSentences(listing, s.analysis, s.offer).map((v) => ({ title: v.listing.title?.trim(), atThreshold: v.atThreshold }));
    expect(variants).toContainEqual({ title: '四件套 现货 懂的来', atThreshold: true });
    // With a description the title is not read alone: its edges are the seller's own words.
    const described = { ...listing, description: '一套齐全，懂的来。' };
    const d = classifier.score(described);
    for (const v of withoutAddedSentences(described, d.analysis, d.offer)) expect(v.listing.title).toBe(listing.title);
  });

  it('sets apart a warning appended in a sentence of its own, so the offer before it is read without it', () => {
    const listing = { title: '手持身份证照', description: '手持身份证照，男女都有，一张五毛，加V详聊。如有违法线索，我们会第一时间上报警方。' };
    const descriptions = variantsOf(listing).map((v) => v.description);
    expect(descriptions).toContainEqual(expect.stringMatching(/^手持身份证照，男女都有，一张五毛，加V详聊。\s*。?$/));
  });

  it('keeps a warning that names what it warns of in the same sentence: the listing talks about the trade', () => {
    const listing = { title: '防骗提醒', description: '有人在卖手持身份证照，一张五毛，这是违法的，千万别买。看到请举报。' };
    expect(variantsOf(listing)).toEqual([]);
  });

  it('reads a title with a price as a title read alone, and never leaves the price out', () => {
    const listing = { title: '人脸四件套 现货 不拆 量大优惠 预约拍摄请提前一天联系，周末名额有限。', price: '120' };
    const variants = variantsOf(listing);
    expect(variants.map((v) => v.title)).toContainEqual(expect.stringMatching(/^人脸四件套 现货 不拆 量大优惠\s*$/));
    for (const v of variants) expect(v.price).toBe('120');
  });

  it('cuts a title further on than the first space after the offer, and past a selling word the added sentence holds', () => {
    // 拍下 (place the order) is the bedding line's own; cut at the first space, the title would keep only 人脸四件套.
    const listing = { title: '人脸四件套 带卡 全新 床品尺寸支持1.5米和1.8米，拍下请备注床的尺寸。', price: '120' };
    const titles = variantsOf(listing).map((v) => v.title?.trim());
    expect(titles).toContain('人脸四件套 带卡 全新');
    expect(titles).toContain('人脸四件套');
  });

  it('sets apart a warning run on at the end of a title after a space, as it does a last sentence', () => {
    const titles = variantsOf({ title: '手持证件照 一千套 打包 如有违法线索，我们会第一时间上报警方。' }).map((v) => v.title?.trim());
    expect(titles).toContainEqual(expect.stringMatching(/^手持证件照 一千套 打包$/));
    // Without the full stop that ends a sentence, or with the warning naming what it warns of, the title frames the offer.
    expect(variantsOf({ title: '手持证件照 一千套 打包 如有违法线索 我们会第一时间上报警方' })).toEqual([]);
    expect(variantsOf({ title: '警方提醒 不要出售手持身份证照 违者必究。' })).toEqual([]);
  });

  it("marks a description's first or last sentence left out alone, not a middle one nor several", () => {
    const listing = {
      title: '手持身份证照 五毛一张',
      description: '这件商品质量很好，欢迎选购。手持身份证照，男女都有，加V详聊。店主人很好，发货很快。全场满两件包邮。',
    };
    const s = classifier.score(listing);
    const variants = withoutAddedSentences(listing, s.analysis, s.offer);
    const edge = variants.filter((v) => v.edgeSentence).map((v) => v.listing.description?.replace(/^[\s。]+|[\s。]+$/g, ''));
    expect(edge).toEqual([
      '手持身份证照，男女都有，加V详聊。店主人很好，发货很快。全场满两件包邮',
      '这件商品质量很好，欢迎选购。手持身份证照，男女都有，加V详聊。店主人很好，发货很快',
    ]);
    expect(variants.filter((v) => !v.edgeSentence).length).toBeGreaterThan(0);
  });
});
