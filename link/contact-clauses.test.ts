import { describe, expect, it } from 'vitest';
import { withoutContactClauses } from './contact-clauses.js';
import { linkListings } from './link-listings.js';
import { listingShingles } from './shingles.js';
import type { LinkListing } from './types.js';
import { cpuMillis } from '../test/helpers/cpu-time.js';

// Invented leather-goods seller: one ad, reworded, first with a QQ number, then pointing at the profile.
const AD = '头层牛皮手工缝制的钱包，可以刻名字缩写，一周内发货';
const ad = (id: string, seller: string, site: string, title: string, description: string): LinkListing => ({ id, title, description, seller, site });

describe('withoutContactClauses', () => {
  it('blanks a cue and its pointer up to the next punctuation, and nothing of the ad', () => {
    expect(withoutContactClauses('可刻字。扣扣号在主页简介里，当天发').trim()).toBe('可刻字。 ，当天发');
    expect(withoutContactClauses('hand stitched wallet | telegram same as my username').trim()).toBe('hand stitched wallet |');
    // A cue word inside another word is no cue: "bio" of biology, "pm" of pmma, "dm" of admin.
    expect(withoutContactClauses('biology kit, pmma sheet, admin tools')).toBe('biology kit, pmma sheet, admin tools');
  });

  it('leaves the contact line out of the shingles: a rewritten contact is no rewritten ad', () => {
    expect(listingShingles('', `${AD}。扣扣：1357924680`, ['1357924680'])).toEqual(listingShingles('', `${AD}。`, []));
    expect(listingShingles('', `${AD}。QQ 在我主页简介`, [])).toEqual(listingShingles('', `${AD}。`, []));
  });

  it('links a short reworded relist whose contact became a pointer to the profile', () => {
    const listings = [
      ad('a', '皮匠老宋', 'bazaar', '牛皮钱包 手工 刻字', '手工缝制牛皮钱包，刻名字缩写，一周发货。QQ 1357924680'),
      // Alike in 11 distinctive bigrams; with its long contact pointer counted, Jaccard 0.24, below the 0.25 of a near-duplicate.
      ad('b', '宋记皮具', 'forum', '手工牛皮钱包 可刻字', '牛皮钱包手工缝制，可刻缩写，一周左右发货。联系方式：扣扣号码在我个人主页的简介里面写着呢'),
      ad('c', '小张', 'bazaar', '二手自行车 九成新', '通勤用的自行车，九成新，自提。'),
    ];
    const clusters = linkListings(listings).clusters.filter((c) => c.listingIds.length > 1);
    expect(clusters.map((c) => c.listingIds)).toEqual([['a', 'b']]);
    expect(clusters[0]!.reasons[0]!.by).toBe('near-duplicate');
  });

  it('takes linear time on a long hostile run of cues without punctuation', () => {
    const hostile = `${'qq 扣扣 telegram dm '.repeat(30_000)}${'微信'.repeat(50_000)}`;
    let out = '';
    const cpu = cpuMillis(() => {
      out = withoutContactClauses(hostile);
    });
    expect(cpu).toBeLessThan(500);
    expect(out.length).toBeLessThan(hostile.length);
  });
});
