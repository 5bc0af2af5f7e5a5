import { describe, expect, it } from 'vitest';
import { commonCut, frequencySeller, linkFeatures, nearDuplicate, textFeatures } from './incremental.js';
import { linkListings } from './link-listings.js';
import { maskHandleKey, maskHandleList } from './mask-handle.js';

const AD = '本人手持身份证正反面照片，高清无水印，过人脸识别稳定，资料齐全，老客户有优惠，下单即发货。';
const RELIST = '高清无水印的手持身份证正反面照片，过人脸识别很稳定，资料都齐全，下单就发货，老客户优惠。';
const none = () => false;

describe('linkFeatures and nearDuplicate: the incremental half agrees with linkListings', () => {
  it('finds a reworded relist near-duplicate, as the batch linker does', () => {
    const a = linkFeatures({ id: 'a', description: AD, site: 'xianyu', seller: 'x' }, 'a');
    const b = linkFeatures({ id: 'b', description: RELIST, site: 'taobao', seller: 'y' }, 'b');
    expect(nearDuplicate(a, b, none)).toMatchObject({ shared: expect.any(Number) });
    const batch = linkListings([
      { id: 'a', description: AD, site: 'xianyu', seller: 'x' },
      { id: 'b', description: RELIST, site: 'taobao', seller: 'y' },
    ]);
    expect(batch.clusters[0]!.listingIds).toEqual(['a', 'b']);
  });

  it('never links by text two listings naming different WeChat ids, nor through boilerplate', () => {
    const a = linkFeatures({ id: 'a', description: `${AD} 加V：seller_one` }, 'a');
    const b = linkFeatures({ id: 'b', description: `${AD} 加V：seller_two` }, 'b');
    expect(nearDuplicate(a, b, none)).toBeNull();
    const c = linkFeatures({ id: 'c', description: AD }, 'c');
    expect(nearDuplicate(c, c, () => true)).toBeNull(); // every shingle common: nothing distinctive left
  });

  it('keys handles by link key, counts the frequency cut by seller, and starts the cut at 5 sellers', () => {
    const f = linkFeatures({ id: 'a', description: '薇❤face_88 或 扣扣 12345678', site: 'xianyu', seller: '小鱼' }, 'a');
    expect(f.linkKeys).toEqual(['id:face88', 'qq:12345678']);
    expect(f.sellerName).toBe('xianyu\u001f小鱼');
    expect(f.bands.every((b) => Number.isInteger(b) && b >= -(2 ** 31) && b < 2 ** 31)).toBe(true);
    expect(frequencySeller(f, new Set(['id:face88']))).toBe('qq:12345678');
    expect(frequencySeller(linkFeatures({ id: 'b', description: AD }, 'b'), new Set())).toBe('#b');
    expect([commonCut(100), commonCut(2500), commonCut(10_000)]).toEqual([5, 5, 20]);
  });
});

describe('maskHandleKey', () => {
  it.each([
    ['wechat:face_88', 'wechat:f*****8'],
    ['wechat:lingxi_pics', 'wechat:li*******cs'],
    ['phone:13812345678', 'phone:13*******78'],
    ['qq:12345678', 'qq:12****78'],
    ['email:sales.facedata@proton.me', 'email:sa**********ta@proton.me'],
    ['url:facework.shop/store/88', 'url:facework.shop/********'],
    ['tg:abc', 'tg:***'],
  ])('%s → %s', (key, shown) => {
    expect(maskHandleKey(key)).toBe(shown);
  });

  it('masks each key of a reason', () => {
    expect(maskHandleList('wechat:face88 = wechat:face_88')).toBe('wechat:f****8 = wechat:f*****8');
  });
});

describe('textFeatures: the part of linkFeatures a crawl worker computes before the listing has an id', () => {
  it('gives the same features as linkFeatures computed from scratch, the seller named from the id only when it has no name', () => {
    const named = { url: 'http://xianyu.example/item/1', description: `${AD} 薇❤face_88`, site: 'xianyu', seller: '小鱼' };
    expect(linkFeatures({ ...named, id: '7' }, '7', textFeatures(named))).toEqual(linkFeatures({ ...named, id: '7' }, '7'));
    const unnamed = { title: '证件照 三千套', description: `${RELIST} 飞机 @face_shop` };
    const f = linkFeatures({ ...unnamed, id: '8' }, '8', textFeatures(unnamed));
    expect(f).toEqual(linkFeatures({ ...unnamed, id: '8' }, '8'));
    expect(f.sellerName).toBe('#8');
    expect(f.linkKeys.length).toBeGreaterThan(0);
    expect(f.shingles.length).toBeGreaterThan(8);
  });

  it('survives the copy to the store thread (structured clone): shingles stay an Int32Array', () => {
    const text = textFeatures({ description: `${AD} 加V：seller_one` });
    const copy = structuredClone(text);
    expect(copy.shingles).toBeInstanceOf(Int32Array);
    expect(copy).toEqual(text);
  });
});
