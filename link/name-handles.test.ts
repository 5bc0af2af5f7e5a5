import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import { handleBrands, nameBrands } from './name-handles.js';
import type { LinkListing } from './types.js';

// Invented sellers whose display name spells one of their contacts; texts share nothing.
const ad = (id: string, seller: string, description: string, site = 'bazaar'): LinkListing => ({ id, title: '', description, seller, site });
const linked = (listings: LinkListing[]) => linkListings(listings).clusters.filter((c) => c.listingIds.length > 1);

describe('name-handle links', () => {
  it('reads pinyin (full, and initials from five characters) and domain labels as brand keys', () => {
    expect(nameBrands('松鼠影像馆')).toEqual(['pinyin:songshuyingxiangguan', 'pinyin:ssyxg']);
    expect(nameBrands('松鼠影像')).toEqual(['pinyin:songshuyingxiang']);
    expect(nameBrands('u/quillmark_dev')).toEqual(['id:quillmarkdev', 'domain:quillmarkdev', 'domain:quillmark']);
    expect(handleBrands({ kind: 'wechat', key: 'wechat:ssyxg_photo', raw: '' })).toEqual(['pinyin:ssyxg', 'pinyin:ssyxgphoto', 'id:ssyxgphoto']);
    expect(handleBrands({ kind: 'email', key: 'email:orders@quillmark.example', raw: '' })).toEqual(['domain:quillmark']);
    expect(handleBrands({ kind: 'email', key: 'email:quillmark@outlook.example', raw: '' })).toEqual([]);
  });

  it("links a shop to the WeChat id made of its name's pinyin initials", () => {
    const clusters = linked([ad('a', '松鼠影像馆', '证件照当天取，可预约。'), ad('b', '小松', '精修写真，微信 ssyxg_photo', 'market')]);
    expect(clusters.map((c) => c.listingIds)).toEqual([['a', 'b']]);
    expect(clusters[0]!.reasons[0]).toMatchObject({ by: 'name-handle', name: '松鼠影像馆', handle: 'wechat:ssyxg_photo' });
  });

  it("links a brand name to an e-mail at the brand's domain, not at a mail provider", () => {
    expect(linked([ad('a', 'u/quillmark_dev', 'new release'), ad('b', 'Q', 'orders@quillmark.example', 'market')])).toHaveLength(1);
    expect(linked([ad('a', 'outlook tips', 'new release'), ad('b', 'Q', 'quill@outlook.example', 'market')])).toHaveLength(0);
  });

  it('links a Latin name written spaced to the id that is the whole name squeezed, and to nothing near it', () => {
    expect(nameBrands('Lumen Prints Co')).toContain('id:lumenprintsco');
    const clusters = linked([ad('a', 'Lumen Prints Co', 'A3 posters'), ad('b', 'LP', 'telegram: lumen_printsco', 'market')]);
    expect(clusters.map((c) => c.listingIds)).toEqual([['a', 'b']]);
    expect(clusters[0]!.reasons[0]).toMatchObject({ by: 'name-handle', name: 'Lumen Prints Co', handle: 'tg:lumen_printsco' });
    // One letter or digit more is another id; short, app and role names are no id at all.
    expect(linked([ad('a', 'Lumen Prints Co', 'A3 posters'), ad('b', 'LP', 'telegram: lumenprintsco2', 'market')])).toHaveLength(0);
    expect(nameBrands('Admin')).toEqual([]);
    expect(nameBrands('Tele Gram')).toEqual([]);
    expect(nameBrands('Jo Li')).toEqual([]);
    expect(nameBrands('光影 studio')).not.toContain('id:studio');
  });

  it('does not read four initials, nor compare Latin names with ids', () => {
    expect(linked([ad('a', '松鼠影像', '证件照当天取'), ad('b', '小松', '微信 ssyx_photo', 'market')])).toHaveLength(0);
    expect(linked([ad('a', 'Quillmark', 'pens'), ad('b', 'Q', 'vx: quillmark_99', 'market')])).toHaveLength(0);
  });
});
