import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../lexicon/load.js';
import { parseOverlay } from '../lexicon/overlay.js';
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

  describe('an approved term that needs a trade signal', () => {
    const approved = loadLexicon(undefined, parseOverlay({ terms: [{ term: '叉烧包', category: 'identity_kit', needsSignal: true }] }));
    const named = (listing: ListingFields) => readOffer(analyzeListing(approved, listing)).named;

    it('needs more than a signal word, which every sale holds: the listing names something of the trade, or whose faces', () => {
      expect(named({ title: '叉烧包 出售 私聊' })).toBe(false);
      expect(named({ title: '叉烧包 出售 私聊', description: '可开户' })).toBe(true);
      expect(named({ title: '叉烧包 出售 私聊', description: '男女都有 年龄可挑' })).toBe(true);
      expect(named({ title: '叉烧包 好吃 皮薄馅多', description: '男女都爱吃' })).toBe(false);
    });

    it('takes no part any shop sells for the trade: a mask, a loop or a photo is not a face check', () => {
      expect(named({ title: '叉烧包 出售 私聊', description: '送面具 包装精美' })).toBe(false);
      expect(named({ title: '叉烧包 出售 私聊', description: '送面具 能过刷脸' })).toBe(true);
    });

    it('does not take the approved word itself for a context that makes it innocent', () => {
      // 考勤 (time clocks) is a device cover; here it is part of the approved word.
      const clocked = loadLexicon(undefined, parseOverlay({ terms: [{ term: '考勤照', category: 'face_bundle', needsSignal: true }] }));
      expect(readOffer(analyzeListing(clocked, { title: '考勤照 出售 私聊', description: '男女都有 年龄可挑' })).named).toBe(true);
      expect(readOffer(analyzeListing(clocked, { title: '考勤照 出售 私聊', description: '男女都有 年龄可挑 考勤机配件' })).named).toBe(false);
    });

    it("takes the listing's price for the signal when the listing names something of the trade, and nothing makes it innocent", () => {
      // The price field is no signal word: only the offer's sale part read it.
      expect(named({ title: '叉烧包 出货', description: '男 三十岁 可开户', price: '$2200' })).toBe(true);
      expect(named({ title: '叉烧包 出货', description: '男 三十岁 可开户' })).toBe(false);
      expect(named({ title: '叉烧包 出货', description: '皮薄馅多', price: '$22' })).toBe(false);
      // A context (here art) makes the words innocent: no stand-in for a signal then.
      expect(named({ title: '叉烧包 手绘插画', description: '可开户', price: '$22' })).toBe(false);
    });

    it('takes another coded term for the signal: sellers whose signal words are new jargon still name their goods by several', () => {
      // 自拍 is a shipped term that needs a signal itself: neither is one alone.
      expect(named({ title: '叉烧包 到了', description: '附自拍' })).toBe(true);
      expect(named({ title: '叉烧包 到了' })).toBe(false);
    });
  });
});
