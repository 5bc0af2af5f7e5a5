import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import { UnionFind } from './union-find.js';
import type { LinkListing } from './types.js';

const ad = (id: string, description: string, extra: Partial<LinkListing> = {}): LinkListing => ({
  id,
  title: '',
  description,
  seller: `seller-${id}`,
  site: 'xianyu',
  ...extra,
});
const together = (clusters: ReturnType<typeof linkListings>['clusters'], a: string, b: string) =>
  clusters.some((c) => c.listingIds.includes(a) && c.listingIds.includes(b));

const ORIGINAL = '本人手持身份证正反面照片，高清无水印，过人脸识别稳定，资料齐全，老客户有优惠，下单即发货。';
const RELIST = '高清无水印的手持身份证正反面照片，过人脸识别很稳定，资料都齐全，下单就发货，老客户优惠。';
const BOILERPLATE = '一手资源 量大从优 加V详聊 诚信交易 非诚勿扰 24小时在线 支持担保 先款后货';

describe('linkListings', () => {
  it('links a reworded relist that gives no handle, with its Jaccard as the reason', () => {
    const { clusters } = linkListings([
      ad('a', ORIGINAL),
      ad('b', RELIST, { site: 'taobao' }),
      ad('c', '九成新山地车，二十一速，可小刀，同城自提优先，不包邮。'),
    ]);
    expect(together(clusters, 'a', 'b')).toBe(true);
    expect(together(clusters, 'a', 'c')).toBe(false);
    const reason = clusters[0]!.reasons[0]!;
    expect(reason.by).toBe('near-duplicate');
    if (reason.by === 'near-duplicate') expect(reason.jaccard).toBeGreaterThanOrEqual(0.4);
    expect(clusters[0]!.sites).toEqual(['taobao', 'xianyu']);
  });

  it('does not link two sellers who share only trade boilerplate', () => {
    const { clusters } = linkListings([
      ad('a', `全新手机壳，多种颜色可选，磨砂防摔。${BOILERPLATE}`),
      ad('b', `降噪蓝牙耳机，续航三十小时。${BOILERPLATE}`),
      ad('c', `二手显示器二十七寸，无坏点。${BOILERPLATE}`),
    ]);
    expect(clusters.every((c) => c.listingIds.length === 1)).toBe(true);
  });

  it('links disguised forms of one handle across sites, and names the handle', () => {
    const { clusters } = linkListings([ad('a', '证件照 加V：fa ce88'), ad('b', '资料 薇❤face88', { site: 'taobao' }), ad('c', '猫粮十斤装 vx cat_food_1')]);
    expect(clusters[0]!.listingIds).toEqual(['a', 'b']);
    expect(clusters[0]!.handles).toEqual(['wechat:face88']);
    expect(clusters[0]!.reasons).toEqual([{ by: 'handle', handle: 'wechat:face88', listingIds: ['a', 'b'] }]);
  });

  it('does not link on a shared platform hotline', () => {
    const { clusters } = linkListings([ad('a', '手机壳 客服热线 400-820-8820'), ad('b', '耳机 客服热线 400-820-8820')]);
    expect(together(clusters, 'a', 'b')).toBe(false);
  });

  it('treats a handle carried by more sellers than the hub cap as generic', () => {
    const listings = Array.from({ length: 5 }, (_, i) => ad(`x${i}`, `商品${'甲乙丙丁戊'[i]} 微信 agent_hub_1`));
    expect(linkListings(listings, { hubCap: 4 }).clusters.every((c) => c.listingIds.length === 1)).toBe(true);
    expect(linkListings(listings, { hubCap: 4 }).hubs).toEqual([{ handle: 'wechat:agent_hub_1', sellers: 5 }]);
    expect(linkListings(listings, { hubCap: 5 }).clusters[0]!.listingIds).toHaveLength(5);
  });

  it('keeps a copied ad apart when each copy names a different WeChat', () => {
    const { clusters } = linkListings([ad('a', `${ORIGINAL} 加V face88`), ad('b', `${ORIGINAL} 加V copycat_99`)]);
    expect(together(clusters, 'a', 'b')).toBe(false);
  });

  it('joins through a chain and records one reason per merge', () => {
    // a—b share a QQ, b—c share a Telegram name: one seller, two reasons.
    const { clusters } = linkListings([ad('a', '扣扣 一二三四五六七八'), ad('b', 'QQ 12345678 飞机 @kyc_master'), ad('c', 't.me/kyc_master')]);
    expect(clusters[0]!.listingIds).toEqual(['a', 'b', 'c']);
    expect(clusters[0]!.reasons.map((r) => (r.by === 'handle' ? r.handle : r.by))).toEqual(['qq:12345678', 'tg:kyc_master']);
  });
});

describe('UnionFind', () => {
  it('reports whether a union merged anything', () => {
    const sets = new UnionFind(4);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(2, 3)).toBe(true);
    expect(sets.union(1, 0)).toBe(false);
    expect(sets.union(1, 3)).toBe(true);
    expect(sets.find(0)).toBe(sets.find(2));
  });
});
