import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';

// Aliases (an e-mail's local part, an id-like seller name) are tested in aliases.test.ts.
const keys = (description: string, extra: { title?: string; seller?: string; url?: string } = {}) =>
  extractHandles({ id: 't', description, ...extra })
    .filter((h) => h.kind !== 'alias')
    .map((h) => h.key);

describe('extractHandles: each disguise reads as one key', () => {
  it.each([
    ['加V：fa ce88', 'wechat:face88'],
    ['薇❤face_88', 'wechat:face_88'],
    ['ＶＸ：ｆａｃｅ８８', 'wechat:face88'],
    ['加v f😀a😀c😀e😀8😀8', 'wechat:face88'],
    ['微信 face.88 详聊', 'wechat:face88'],
    ['有意加 微 信 f.a.c.e.8.8', 'wechat:face88'],
    ['W X ： z h a n g _ p i c s', 'wechat:zhang_pics'],
    ['微信 mеimei\u200b_ai2023', 'wechat:meimei_ai2023'], // Cyrillic е, zero-width space
    ['WeChat: face88 for details', 'wechat:face88'],
    ['威 zhang_pics 一手资源', 'wechat:zhang_pics'],
    ['扣扣 一二三四五六七八', 'qq:12345678'],
    ['QQ：12345678 量大从优', 'qq:12345678'],
    ['企鹅 1234 5678', 'qq:12345678'],
    ['v：88776655', 'qq:88776655'], // a numeric WeChat id is the owner's QQ number
    ['tg @kyc_master_01', 'tg:kyc_master_01'],
    ['飞机 @face_seller', 'tg:face_seller'],
    ['联系 t.me/facedata_shop', 'tg:facedata_shop'],
    ['@seller_one', 'tg:seller_one'],
    ['电话 138 1234 5678', 'phone:13812345678'],
    ['电话 幺三九 一二三四 五六七八', 'phone:13912345678'],
    ['wx13812345678', 'phone:13812345678'],
    ['+86 138-1234-5678', 'phone:13812345678'],
    ['call +44 7700-900-123', 'phone:447700900123'],
    ['Email sales.facedata@proton.me', 'email:sales.facedata@proton.me'],
    ['shop at facedata-store.shop/catalog', 'url:facedata-store.shop/catalog'],
    ['https://shop123.weidian.com/item?id=9&spm=1', 'url:shop123.weidian.com/item?id=9'],
  ])('%s → %s', (text, key) => {
    expect(keys(text)).toEqual([key]);
  });

  it('reads the seller name and the title too, and gives a QQ mail its QQ number', () => {
    expect(keys('', { title: '薇 cardkit777', seller: '12345678@qq.com' })).toEqual(['wechat:cardkit777', 'email:12345678@qq.com', 'qq:12345678']);
  });
});

describe('extractHandles: generic tokens and hotlines are never handles', () => {
  it.each([
    ['加V'],
    ['vx'],
    ['V信 私聊'],
    ['一手资源 量大从优 加V详聊'],
    ['客服热线 400-820-8820'],
    ['电话 800 123 4567'],
    ['电话 10086 咨询'],
    ['QQ 95588'],
    ['加v wechat'],
    ['❤love❤'], // four letters: too little to be anyone's id
    ['dev board, smart tv, 3 wax candles'],
    ['扣扣 11111111'], // one digit repeated
    ['iphone 13 pro'],
    ['身份证号 110101199003071234'], // an ID number is no phone
    ['https://www.taobao.com'],
    // A chat app's link host with no name after it links strangers (a bare t.me: contact-handles-disguises.test.ts).
    ['url: wa.me'],
  ])('%s → none', (text) => {
    expect(keys(text)).toEqual([]);
  });

  it('a link back to the listing’s own site is no contact', () => {
    expect(keys('更多见 https://shop.example/item/2', { url: 'https://shop.example/item/1' })).toEqual([]);
  });
});
