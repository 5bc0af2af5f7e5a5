import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { emojiLettersToLatin, foldText } from './fold-text.js';

const keys = (description: string, extra: { title?: string; seller?: string } = {}) => extractHandles({ id: 't', description, ...extra }).map((h) => h.key);

// Disguises met in link/dev-data/dev-sellers-3 (written apart from the rules); each case failed before it was handled.
describe('extractHandles: disguises of an independently written set', () => {
  it.each([
    ['tg: dm_facebase', 'tg:dm_facebase'], // an id starting with a stop word ("dm") goes on with '_'
    ['LINE：yaya.face89 客製', 'line:yayaface89'], // a cue ending in its colon touches the id
    ['LINE：🇾🇦🇾🇦.face88', 'line:yayaface88'], // regional-indicator letters
    ['薇信：x丨i丨a丨o丨l丨u丨0521', 'wechat:xiaolu0521'], // 丨 between letters
    ['[图片: 微信二维码 chenxi_facepack]', 'wechat:chenxi_facepack'], // image alt text: the QR code's id
    ['hmu on the paper plane app: s w a p p e r _ g z', 'tg:swapper_gz'],
    ['Телега: dm_facebase', 'tg:dm_facebase'], // Russian nickname of Telegram
    ['維：yuehua_2025', 'wechat:yuehua_2025'],
    ['扣：3381-229-056', 'qq:3381229056'],
    ['kou kou: 1593574862', 'qq:1593574862'],
    ['扣 er qi si yao wu ba san liu ling jiu', 'qq:2741583609'], // pinyin digits
    ['电话 yao qi ling, ling ling ling ling, san yao si yao', 'phone:17000003141'],
    ['QQ = 2741583600 + 9', 'qq:2741583609'], // a round number plus its end
    ['維：yuehua_ 2000+25', 'wechat:yuehua_2025'],
    ['薇信号是拼音飞侠+3d', 'wechat:feixia3d'], // 拼音 said before the word
    ['微信：feixia加3d', 'wechat:feixia3d'],
    ['Profile photos, 300k. t .me / dm_facebase', 'tg:dm_facebase'],
    ['Custom orders ok. wa.me/60125550199', 'phone:60125550199'],
  ])('%s → %s', (text, key) => {
    expect(keys(text)).toEqual([key]);
  });

  it('reads an id given as "the same as my name" from the seller name', () => {
    expect(keys('正脸自拍，微信号同店铺名', { seller: 'chenxi_facepack' })).toEqual(['wechat:chenxi_facepack']);
    expect(keys('活体视频，飞机号跟我B站名一样', { seller: 'ajie_liveness' })).toEqual(['tg:ajie_liveness']);
    expect(keys('Face swap service. TG same as my username', { seller: 'swapper_gz' })).toEqual(['tg:swapper_gz']);
    expect(keys('Contact: my forum name @mailbox.example', { seller: 'rex.models' })).toEqual(['email:rex.models@mailbox.example']);
    // A name of words is no id; 同号 is the phone number, not the name.
    expect(keys('微信号同店铺名', { seller: '晨曦数据' })).toEqual([]);
    expect(keys('电话 13800004417 微信同号', { seller: 'chenxi_facepack' })).toEqual(['phone:13800004417']);
  });

  it('reads an address cut between title and description', () => {
    expect(keys('mailbox.example — 20 pics of whoever', { title: 'face model of any person – mail rex.models@' })).toEqual([
      'email:rex.models@mailbox.example',
    ]);
  });

  it('leaves prose and look-alike contexts alone', () => {
    expect(keys('扣款 50000 元，折扣 8折')).toEqual([]);
    expect(keys('扫二维码 shop88')).toEqual([]);
    expect(keys('tg: dm me')).toEqual([]);
    expect(keys('liu qi and wu yi went home')).toEqual([]); // four pinyin digits are a name, not a number
    expect(keys('QQ 138 0000 4417 + 1')).not.toContain('qq:13800004418'); // no trailing zeros: two numbers, no sum
    expect(keys('vx face88加v')).toEqual(['wechat:face88']);
  });
});

describe('emojiLettersToLatin', () => {
  it('spells emoji letters as Latin, but keeps a flag standing alone', () => {
    expect(foldText('🅰🅹🅸🅴_live')).toBe('ajie_live');
    expect(emojiLettersToLatin('TG 🇲🇾 sgfaceco')).toBe('TG 🇲🇾 sgfaceco');
    expect(keys('TG 🇲🇾 sgfaceco')).toEqual(['tg:sgfaceco']);
  });
});

describe('extractHandles: ids spelled around the app and an area code', () => {
  it('reads "LINE — ID is K E N J I then underscore then F A C E S"', () => {
    expect(keys('add me on LINE — ID is K E N J I then underscore then F A C E S')).toEqual(['line:kenji_faces']);
  });

  it('keeps a two-digit first group as the country code, not a North American area code', () => {
    expect(keys('WA ⑥⑤ ⑧⑤⑤⑤ ⓪①④②')).toEqual(['phone:6585550142']);
    expect(keys('WA 202.555.0187')).toEqual(['phone:12025550187']);
  });
});

// Disguises met in link/dev-data/dev-sellers-4 (a Hong Kong analyst's world, written apart from the rules); each failed before it was handled.
describe('extractHandles: disguises of a Hong Kong, Taiwan and South-East Asian set', () => {
  it.each([
    ['ไลน์: thaikyc๘๘๒', 'line:thaikyc882'], // Thai for LINE, Thai digits
    ['โทร ๐๘๑-๕๕๕-๐๙๒๗', 'phone:0815550927'], // Thai for "call"
    ['Liên hệ SĐT 0903 555 281', 'phone:0903555281'], // Vietnamese "phone number"
    ['WC: ahfai852（唔係廁所）', 'wechat:ahfai852'], // Hong Kong shorthand for WeChat, with its colon
    ['下單 Tele: h🔸k🔸f🔸a🔸c🔸e🔸b🔸o🔸x', 'tg:hkfacebox'],
    ['电话（按对讲机念法）：幺拐洞 洞洞洞五 两勾洞拐', 'phone:17000052907'], // a note in brackets; the radio reading of digits
    ['手机（苏州码子）：〡〧〇 〇〇〇〨 〣〣〡〦', 'phone:17000083316'], // Suzhou numerals
    ['新 WhatsApp（舊號俾人封咗）：陸伍伍伍 零玖貳貳', 'phone:65550922'], // banker's numerals, traditional
    ['信箱：twfacepack 艾特 mailbox 點 example', 'email:twfacepack@mailbox.example'], // 艾特 for @, 點 for the dot
    ['電郵：samgor.tools 小老鼠 mailbox 點 example', 'email:samgor.tools@mailbox.example'], // 小老鼠 ("little mouse") for @
    ['舊賴被鎖，新賴：kellykyc 點 tw', 'line:kellykyctw'], // 點 for the dot of an id (keys drop an id's dots)
  ])('%s → %s', (text, key) => {
    expect(keys(text).filter((k) => !k.startsWith('alias:'))).toEqual([key]);
  });

  it('decodes a value whose bracketed note says how (decode-notes.ts), and reads none by a note it does not understand', () => {
    expect(keys('Q（每位数字减一）：4396150622')).toEqual(['qq:3285049511']);
    expect(keys('扣扣（十六进制）：0xAF252501')).toEqual(['qq:2938447105']);
    expect(keys('薇：rXenlXian_cXang（刪除所有X）')).toEqual(['wechat:renlian_cang']); // the note after the value
    expect(keys('Q（每位数字乘二）：4396150622')).toEqual([]); // read as written it would be someone else's
    expect(keys('薇：renlian_cang（备用号）')).toEqual(['wechat:renlian_cang']); // a note that decodes nothing
    expect(keys('薇：renlian_cang 现货（删除线是原价）')).toEqual(['wechat:renlian_cang']); // a bracket of another clause
  });

  it('reads no LINE inside the Thai word for "online", and no handle from a police-report warning', () => {
    expect(keys('ขายออนไลน์ thaikyc882 ส่งไว')).toEqual([]);
    expect(keys('小心 tg @hkfacebox 賣嘅手持相全部盜返嚟，已經報咗警。')).toEqual([]);
  });
});
