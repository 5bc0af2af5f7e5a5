import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import type { LinkListing } from './types.js';

// Invented listings: one contact written as two kinds, and a relist in traditional characters.
const ad = (id: string, description: string, site: string, seller = `s-${id}`): LinkListing => ({ id, title: '', description, seller, site });
const pairsOf = (listings: LinkListing[]) =>
  linkListings(listings)
    .clusters.filter((c) => c.listingIds.length > 1)
    .map((c) => c.listingIds);

describe('one contact under two kinds', () => {
  it('links a WeChat id that is a mobile number to that number given as a phone', () => {
    expect(pairsOf([ad('a', '旧书回收 微信 13912340087', 'bazaar'), ad('b', 'used books, call 139-1234-0087', 'board')])).toEqual([['a', 'b']]);
  });

  it('links a QQ mailbox to the QQ number', () => {
    expect(pairsOf([ad('a', '邮箱 73920518@qq.com', 'bazaar'), ad('b', '扣扣 73920518', 'board'), ad('c', '扣扣 73920519', 'board')])).toEqual([['a', 'b']]);
  });
});

describe('relists in traditional characters', () => {
  const simplified = '本店回收旧相机镜头，成色好的当面验货，现金结算，上门取件免运费，欢迎老客户介绍新朋友来。';
  const traditional = '本店回收舊相機鏡頭，成色好的當面驗貨，現金結算，上門取件免運費，歡迎老客戶介紹新朋友來。';
  it('links a relist written in traditional characters as a near-duplicate', () => {
    const { clusters } = linkListings([ad('a', simplified, 'bazaar'), ad('b', traditional, 'forum')]);
    expect(clusters[0]!.listingIds).toEqual(['a', 'b']);
    expect(clusters[0]!.reasons[0]!.by).toBe('near-duplicate');
  });
});
