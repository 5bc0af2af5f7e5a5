import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';
import { labelledTitle } from './labelled-title.js';
import { loadPage } from './page.js';

const html = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('a title stated in a labelled field', () => {
  it("is read from the label's own text, the next cell, or the chosen option of a <select> there", () => {
    const read = (body: string) => labelledTitle(loadPage(html('', body), 'https://pay.example/links/1'));
    expect(read('<div>商品名称：腾讯视频VIP月卡</div>')).toBe('腾讯视频VIP月卡');
    expect(read('<table><tr><td>Product name:</td><td>Steam Wallet 50 USD</td></tr></table>')).toBe('Steam Wallet 50 USD');
    expect(read('<table><tr><td>商品名称：</td><td><select><option>月卡</option><option selected>季卡 官方直充</option></select></td></tr></table>')).toBe(
      '季卡 官方直充',
    );
    expect(read('<p>Buy the product named below.</p>')).toBeUndefined();
  });

  it('is the title of a page without a heading whose <title> names only the shop', () => {
    const l = extractListing(
      html(
        '<title>老K数码卡密 - 云发卡平台</title>',
        '<div class="shopname">老K数码卡密</div><table><tr><td>店铺名称：</td><td>老K数码卡密</td></tr><tr><td>商品名称：</td><td><select><option selected>腾讯视频VIP会员 月卡 官方直充激活码</option></select></td></tr><tr><td>商品单价：</td><td>9.90 元</td></tr></table>',
      ),
      'https://pay.example/links/K8A2',
    );
    expect(l.title).toBe('腾讯视频VIP会员 月卡 官方直充激活码');
  });

  it("gives way to a <title> that holds the labelled name: that is the fuller title, the row a spec table's model name", () => {
    const l = extractListing(
      html(
        '<title>小米Redmi Note 13 Pro 2亿像素 12GB+256GB 子夜黑【行情 报价 价格 评测】-京东</title>',
        '<div class="sku-name">小米Redmi Note 13 Pro 2亿像素 12GB+256GB 子夜黑</div><ul class="parameter2"><li>商品名称：小米Redmi Note 13 Pro</li><li>商品编号：100071</li></ul>',
      ),
      'https://item.jd.example/100071.html',
    );
    expect(l.title).toBe('小米Redmi Note 13 Pro 2亿像素 12GB+256GB 子夜黑');
  });

  it('is not asked of a page with a heading', () => {
    const l = extractListing(html('<title>Shop</title>', '<h1>Walnut desk</h1><div>Product name: Desk</div>'), 'https://shop.example/p/1');
    expect(l.title).toBe('Walnut desk');
  });
});
