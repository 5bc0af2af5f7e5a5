import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import type { LinkListing } from './types.js';

const ad = (id: string, title: string, description: string, seller: string, site = 'xianyu'): LinkListing => ({ id, title, description, seller, site });
const together = (listings: LinkListing[], a: string, b: string) =>
  linkListings(listings).clusters.some((c) => c.listingIds.includes(a) && c.listingIds.includes(b));

// Invented listings: one account relisting reworded, without its contact.
const FIRST = ad('a', '人像数据 标注齐全 可商用', '成品人像数据，含五官关键点标注和证件信息对应，可以先做测试。薇：mx_data_7314', '王老师');
const RELIST = ad('b', '人像数据 标注', '成品人像数据，关键点有标注，见图。', '王老师');
const TUTOR = ad('c', '高中物理一对一 家教', '十年教龄物理老师，一对一辅导，线上线下都可以，首课免费试听。', '王老师');

describe('same-seller relists', () => {
  it('links a reworded relist without a contact to the same account on the same site', () => {
    expect(together([FIRST, RELIST, TUTOR], 'a', 'b')).toBe(true);
  });

  it('does not link by a shared display name alone (another 王老师 teaching physics)', () => {
    expect(together([FIRST, RELIST, TUTOR], 'a', 'c')).toBe(false);
    expect(together([FIRST, RELIST, TUTOR], 'b', 'c')).toBe(false);
  });

  it('needs the same site and the same name: the same reworded text elsewhere is a stranger’s', () => {
    expect(together([FIRST, { ...RELIST, site: 'taobao' }], 'a', 'b')).toBe(false);
    expect(together([FIRST, { ...RELIST, seller: '数据王' }], 'a', 'b')).toBe(false);
  });
});

describe('text links between clusters', () => {
  const STOCK = '正脸为主，按年龄性别分好文件夹，支持先发小样，每周更新一次，按省份分类好了。';
  it('does not let a copied stock sentence join a stranger to a seller whose other listing names a different id', () => {
    const listings = [
      ad('s1', '人像图包 分类', `${STOCK} 扣扣 918273645`, '图包侠'),
      ad('s2', '人像图包 新批次', '新批次混合包。✈ @tubao_vip 或 扣扣 918273645', '图包侠', 'telegram'),
      ad('x', '人像包 可小样', `${STOCK} 微信 dabao_007`, '包包图库', 'taobao'),
    ];
    expect(together(listings, 's1', 's2')).toBe(true);
    expect(together(listings, 's1', 'x')).toBe(false);
  });

  it('still links the copy when nothing in the seller’s cluster names an id', () => {
    const listings = [ad('s1', '人像图包 分类', `${STOCK} 扣扣 918273645`, '图包侠'), ad('x', '人像包 可小样', STOCK, '包包图库', 'taobao')];
    expect(together(listings, 's1', 'x')).toBe(true);
  });
});
