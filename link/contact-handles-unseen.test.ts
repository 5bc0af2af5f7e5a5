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
