import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import { namePieces } from './name-stems.js';
import type { LinkListing } from './types.js';

const ad = (id: string, site: string, seller: string, title: string, description: string): LinkListing => ({ id, site, seller, title, description });
const clusterOf = (listings: LinkListing[], id: string, options = {}) => linkListings(listings, options).clusters.find((c) => c.listingIds.includes(id))!;

// One seller's ads, joined by its phone, each reworded from the others.
const SELLER = [
  ad(
    'a',
    'bilibili',
    '恒远科技',
    '人脸识别解封 代过 各平台',
    '各平台人脸识别不过、账号被封，代过解封，不成功不收费。支付宝、银行App、游戏实名都能处理。电话 17000009876',
  ),
  ad('b', 'zhihu', '恒远', '代过人脸 解封账号', '账号被封、人脸不过都能处理，不成功不收费。老客户介绍打八折，当天处理完。手机 170 0000 9876'),
];
// Reworded again, no contact: alike to each of them, too little to be a near duplicate of either.
const RELIST = ['各平台人脸解封', '账号封了 人脸过不了 都可以代过 不成功不收费 号码看主页'] as const;

describe('cluster relists', () => {
  it('joins a reworded relist alike to two of a cluster when a name piece is shared', () => {
    const listings = [...SELLER, ad('c', 'pinduoduo', '恒远数码', ...RELIST)];
    const cluster = clusterOf(listings, 'c');
    expect([...cluster.listingIds].sort()).toEqual(['a', 'b', 'c']);
    expect(cluster.reasons.map((r) => r.by)).toContain('cluster-relist');
    expect(cluster.reasons.some((r) => r.by === 'near-duplicate')).toBe(false);
  });

  it('leaves it apart when no seller name of the cluster shares a piece with its own (a stranger in the trade)', () => {
    const listings = [...SELLER, ad('c', 'pinduoduo', '平安数码', ...RELIST)];
    expect(clusterOf(listings, 'c').listingIds).toEqual(['c']);
  });

  it('is one of the name links: --no-names (and the store) make none', () => {
    const listings = [...SELLER, ad('c', 'pinduoduo', '恒远数码', ...RELIST)];
    expect(clusterOf(listings, 'c', { names: false, mentions: false }).listingIds).toEqual(['c']);
  });
});

describe('namePieces', () => {
  it('gives Han pairs with their pinyin and Latin runs, without shop and trade words', () => {
    expect(namePieces('老周动画')).toEqual(['老周', 'laozhou', '周动', 'zhoudong', '动画', 'donghua']);
    expect(namePieces('laozhou')).toEqual(['laozhou']);
    expect(namePieces('恒远数码')).toEqual(['恒远', 'hengyuan', '远数', 'yuanshu']);
    expect(namePieces('official store')).toEqual([]);
    expect(namePieces('闲鱼用户')).toEqual(['闲鱼', 'xianyu', '鱼用', 'yuyong']);
  });
});
