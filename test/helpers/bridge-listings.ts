import type { LinkListing } from '../../link/index.js';

/** A shared line (not a 400-/95xxx hotline, so no pattern catches it) on the ads of three sellers, each with its own WeChat id. */
export const BRIDGE_LISTINGS: LinkListing[] = [
  { id: 'b1', title: '手持证件照 原图', description: '高清原图，一组三张。加V alpha_pics01，客服电话 +852 3111 2222', seller: '阿尔法', site: 'xianyu' },
  {
    id: 'b2',
    title: '人脸视频 定制',
    description: '人脸视频定制，眨眼摇头张嘴读数字都能做，真人原图合成，过各大平台活体检测，出片快，包售后。加V bravo_pics02，客服电话 +852 3111 2222',
    seller: '布拉沃',
    site: 'taobao',
  },
  { id: 'b3', title: '证件照精修', description: '证件照精修当天出。加V charlie_pics03，客服电话 +852 3111 2222', seller: '查理', site: 'weidian' },
  { id: 'b4', title: '原图 手持', description: '补货了，老客户优惠。V：alpha_pics01', seller: '阿尔法小店', site: 'douyin' },
  // Alpha copies bravo's ad under its own id, after the line is known to be shared: it joins alpha only
  // (the store then re-clusters alpha's and bravo's clusters, not charlie's, and must still see the bridge).
  {
    id: 'b5',
    title: '人脸视频 定制',
    description: '人脸视频定制，眨眼摇头张嘴读数字都能做，真人原图合成，过各大平台活体检测，出片快，包售后。加V alpha_pics01',
    seller: '阿尔法',
    site: 'xianyu',
  },
  // One seller with two WeChat ids beside one Telegram name: still one seller.
  { id: 'k1', title: '银行卡四件套', description: '四件套带人脸视频。纸飞机 @card_kit_cn 薇 cardkit777', seller: 'bankkit', site: 'telegram' },
  { id: 'k2', title: '开户资料', description: '实名开户资料。薇 cardkit888 飞机 card_kit_cn', seller: '卡卡', site: 'xianyu' },
];
