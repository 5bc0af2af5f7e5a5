import { describe, expect, it } from 'vitest';
import { Classifier } from '../classify.js';
import { loadCorpus } from '../corpus/load.js';
import { discoverTerms } from './discover.js';
import { listingFields } from './read-listing.js';
import type { DiscoveryInput, DiscoveryListing } from './types.js';

const classifier = Classifier.load();
const benign = loadCorpus()
  .items.filter((i) => i.label === 'benign')
  .slice(0, 400);

// 雾面照 is a word no lexicon knows: here it names handheld-ID photos, written plainly, in traditional
// characters, by sound (雾棉照), in pinyin and in initials, always where an offer names its product.
const PLANTED: readonly Omit<DiscoveryListing, 'id'>[] = [
  { title: '雾面照 现货', description: '雾面照 男女都有 拿着身份证对着脸拍 五毛一张 加v详聊', price: '0.5元/张' },
  { title: '出雾面照', description: '新到一批雾面照，清楚，一块一张，量大从优', price: '1元/张' },
  { title: '霧面照 到貨', description: '霧面照 身份證 正反 都有 一張八毛', price: '0.8' },
  { title: '雾面照批发', description: '雾面照 一百张起 网盘发 qq 33901234', price: '80/100张' },
  { title: '收雾面照', description: '长期收雾面照 本人拿证件 八块一张 当天结', price: '8元/张' },
  { title: '雾棉照 有货', description: '雾棉照 一手 不倒卖 私聊', price: '0.6元/张' },
  { title: 'wumianzhao', description: 'wumianzhao 出 身份证 手里有三百张', price: '1元一张' },
  { title: 'wmz 便宜出', description: 'wmz 一毛五一张 千张起 加微信', price: '0.15元/张' },
  { title: '雾面照 定制', description: '可以按要求拍雾面照 带日期 十五一张', price: '15' },
  { description: '需要雾面照的老板私我，证件清楚，脸清楚，两块一张' },
];

// Words a benign listing uses every day: 正宗 and 推荐 here, also in the offers above as padding.
const EVERYDAY = Array.from({ length: 30 }, (_, i) => ({
  id: `everyday-${i}`,
  title: `正宗推荐 家常菜谱 第${i + 1}期`,
  description: '正宗做法推荐给大家，我们家里常做，2024年更新，欢迎收藏。',
}));

function inputs(extra: readonly DiscoveryListing[] = []): DiscoveryInput[] {
  const listings: DiscoveryListing[] = [
    ...PLANTED.map((l, i) => ({ ...l, id: `planted-${i}`, description: `${l.description ?? ''} 正宗推荐 我们 2024` })),
    ...benign.map((b) => ({ id: b.id, title: b.title, description: b.description, price: b.price })),
    ...EVERYDAY,
    ...extra,
  ];
  return listings.map((listing) => ({ listing, verdict: classifier.classify(listingFields(listing)) }));
}

const run = (extra: readonly DiscoveryListing[] = [], minScore = 0) =>
  discoverTerms(inputs(extra), classifier.lexicon, { reviewThreshold: classifier.reviewThreshold, minScore });

describe('code-word discovery', () => {
  it('puts a planted term used in offer slots first, with its category, its spellings grouped and its reasons', () => {
    const [top] = run();
    expect(top?.term).toBe('雾面照');
    expect(top!.category).toBe('id_holding_photo');
    expect(top!.variants).toEqual(expect.arrayContaining(['霧面照', '雾棉照', 'wumianzhao', 'wmz']));
    expect(top!.support.flagged + top!.support.review).toBeGreaterThanOrEqual(5);
    expect(top!.examples).toContain('planted-0');
    expect(top!.why).toMatch(/flagged\/review listings.*beside a price per unit in \d+/);
  });

  it("never proposes numbers, prices, function words, words the lexicon knows, or the benign listings' everyday words", () => {
    const terms = run().map((c) => c.term);
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) {
      expect(term, term).not.toMatch(/\d/);
      expect(term, term).not.toMatch(/^[一二两三四五六七八九十百千万]+[张块毛元]?$/);
      expect(['我们', '正宗', '推荐', '正宗推荐', '一张', '身份证', '加v', '私聊'], term).not.toContain(term);
    }
  });

  it('keeps the list short by default: only candidates with enough evidence', () => {
    // Every candidate, whatever its score: penalties (a term none of whose listings was reached) push weak ones below zero.
    // An unknown word of two listings beside sale terms is such a weak one, whatever the model makes of the corpus's benign listings.
    const weak = [
      { id: 'weak-0', title: '青柠款 自拍杆', description: '青柠款 自拍杆 十块一个 私聊' },
      { id: 'weak-1', title: '相册', description: '青柠款 相册 打包出' },
    ];
    const all = run(weak, Number.NEGATIVE_INFINITY);
    const kept = discoverTerms(inputs(weak), classifier.lexicon, { reviewThreshold: classifier.reviewThreshold });
    expect(kept.length).toBeLessThan(all.length);
    expect(kept[0]?.term).toBe('雾面照');
    // The cut is relative to the third candidate's score (the last one's when fewer come up).
    const third = all[Math.min(2, all.length - 1)]!.score;
    expect(kept.every((c) => c.score >= 0.45 * third)).toBe(true);
  });

  it('does not propose a term already approved in an overlay', () => {
    const withOverlay = Classifier.load({
      overlay: { format: 'faceleak-lexicon-overlay/1', terms: [{ term: '雾面照', variants: [], category: 'id_holding_photo', needsSignal: false, weight: 2 }] },
    });
    const listings = inputs().map((x) => ({ listing: x.listing, verdict: withOverlay.classify(listingFields(x.listing)) }));
    const terms = discoverTerms(listings, withOverlay.lexicon, { reviewThreshold: withOverlay.reviewThreshold, minScore: 0 }).map((c) => c.term);
    expect(terms).not.toContain('雾面照');
  });

  it('reads listings from any async source (the seam for the store)', async () => {
    const { discoverFromSource } = await import('./discover.js');
    async function* source() {
      yield* inputs();
    }
    const [top] = await discoverFromSource(source(), classifier.lexicon, { reviewThreshold: classifier.reviewThreshold });
    expect(top?.term).toBe('雾面照');
  });
});
