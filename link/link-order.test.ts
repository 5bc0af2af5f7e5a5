import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import { BRIDGE_LISTINGS } from '../test/helpers/bridge-listings.js';

const together = (clusters: ReturnType<typeof linkListings>['clusters'], a: string, b: string) =>
  clusters.some((c) => c.listingIds.includes(a) && c.listingIds.includes(b));

describe('linkListings when one line is on several sellers’ ads (a bridge)', () => {
  const { clusters } = linkListings(BRIDGE_LISTINGS);

  it('does not chain three sellers through a number each gives beside a different WeChat id', () => {
    expect(together(clusters, 'b1', 'b2')).toBe(false);
    expect(together(clusters, 'b2', 'b3')).toBe(false);
    expect(together(clusters, 'b1', 'b3')).toBe(false);
  });

  it('still links each seller by its own id, and refuses a copied ad across two ids', () => {
    expect(together(clusters, 'b1', 'b4')).toBe(true);
    expect(together(clusters, 'b1', 'b5')).toBe(true);
    expect(together(clusters, 'b2', 'b5')).toBe(false);
  });

  it('still links a seller who gives two ids beside one shared name', () => {
    expect(together(clusters, 'k1', 'k2')).toBe(true);
  });
});

describe('linkListings when a relist names a new contact after a ban', () => {
  const AD = '真人手持身份证自拍，原图未修，现货秒发，男女都有，年龄段齐全，支持定制角度和光线。';
  const ad = (id: string, site: string, tail: string) => ({ id, site, seller: `店${id}`, title: '手持证件自拍 原图 现货', description: `${AD}${tail}` });

  it('links the relist that calls its contact the new one, though the contacts differ', () => {
    const { clusters } = linkListings([ad('a', 'xianyu', 'V：shouchi_0521'), ad('b', 'taobao', '旧号被封了，新V：shouchi_0606')]);
    expect(together(clusters, 'a', 'b')).toBe(true);
  });

  it('links it too when the words of the ban come earlier in the sentence', () => {
    const { clusters } = linkListings([ad('a', 'xianyu', 'V：shouchi_0521'), ad('b', 'taobao', '旧号被封了，搜这个加我v：shouchi_0606')]);
    expect(together(clusters, 'a', 'b')).toBe(true);
    const english = linkListings([ad('a', 'xianyu', 'V：shouchi_0521'), ad('b', 'taobao', 'old account got banned, add me on vx: shouchi_0606')]);
    expect(together(english.clusters, 'a', 'b')).toBe(true);
  });

  it('still keeps apart a copy of the ad with another contact that says nothing of a ban', () => {
    const { clusters } = linkListings([ad('a', 'xianyu', 'V：shouchi_0521'), ad('c', 'taobao', 'V：copycat_0606')]);
    expect(together(clusters, 'a', 'c')).toBe(false);
  });
});
