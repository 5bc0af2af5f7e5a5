import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { linkKey } from './handle-rules.js';

const keys = (description: string, extra: { title?: string; seller?: string } = {}) => extractHandles({ id: 't', description, ...extra }).map((h) => h.key);
const linkKeys = (description: string) => extractHandles({ id: 't', description }).map(linkKey);

// Disguises added for issue 14's second development set; each case failed before it was handled.
describe('extractHandles: disguised forms read as the one key', () => {
  it.each([
    ['薇：tongguo三六五。', 'wechat:tongguo365'], // Chinese numerals written onto an id
    ['有意者加賴：hkface一六八', 'line:hkface168'],
    ['加 vx：LLS·七三一四（点是下划线）', 'wechat:lls7314'],
    ['V信 s j t 二零二四 a ，电话', 'wechat:sjt2024a'],
    ['飛機 twid 八八八（無底線）', 'tg:twid888'],
    ['威：sjt2024ɑ（注意最后是a）', 'wechat:sjt2024a'], // Latin alpha look-alike
    ['v：katao 下划线 xiaopu', 'wechat:katao_xiaopu'],
    ['威 li 下划线 teacher 下划线 六六', 'wechat:li_teacher_66'],
    ['Telegram idkit (underscore) hub', 'tg:idkit_hub'],
    ['LINE: twid _ 888', 'line:twid_888'],
    ['賴 id：ｔｗｉｄ＿８８８', 'line:twid_888'],
    ['加 V 信：qiqi（下划线）face（数字七）', 'wechat:qiqi_face7'],
    ['telegram — kycdepot + s', 'tg:kycdepots'],
    ['加赖（LINE）：hk + face + 壹陆捌 连起来', 'line:hkface168'],
    ['另有V：前半 face，后半 lab 再加两个八', 'wechat:facelab88'],
    ['联系方式倒着读：88 bal ecaf（威）', 'wechat:facelab88'],
    ['商务联系 hezheng_ai（微信）', 'wechat:hezheng_ai'],
    ['✆ 幺叁捌零零零零肆肆幺柒（打不通就加威，号同）', 'phone:13800004417'],
    ['Q号：前五位28374，后五位65190', 'qq:2837465190'],
    ['频道 t点me/renlian_vip', 'tg:renlian_vip'],
    ['🐧 918273645', 'qq:918273645'],
  ])('%s → %s', (text, key) => {
    expect(keys(text)).toEqual([key]);
  });

  it.each([
    ['Contact: sales (at) synthface (dot) example', 'email:sales@synthface.example'],
    ['Contact: kycdepot [at] tutamail [dot] example', 'email:kycdepot@tutamail.example'],
    ['Email verifypro.sales at mailbox dot example', 'email:verifypro.sales@mailbox.example'],
    ['Contact mail: idkit.hub ＠ mailbox ． example', 'email:idkit.hub@mailbox.example'],
  ])('%s → %s (and the local part as an alias)', (text, key) => {
    expect(keys(text)[0]).toEqual(key);
  });

  it('reads WhatsApp numbers as phones, whatever way the country code is written', () => {
    expect(keys('WhatsApp: plus one two-oh-two five-five-five oh-one-eight-seven')).toEqual(['phone:12025550187']);
    expect(keys('WA 202.555.0187 (US)')).toEqual(['phone:12025550187']);
    expect(keys('WhatsApp +1 202 555 0178')).toEqual(['phone:12025550178']);
    expect(keys('WA 同號 +852 5OOO O168')).toEqual(['phone:85250000168']);
    expect(keys('WhatsApp 852-5000-0168')).toEqual(['phone:85250000168']);
  });

  it('gives one id the same link key on WeChat, Telegram and LINE', () => {
    expect(linkKeys('V: facelab88')).toEqual(linkKeys('✈ @facelab_88'));
    expect(linkKeys('LINE: twid_888')).toEqual(linkKeys('飞机 twid888'));
    expect(linkKeys('V: facelab88')).not.toEqual(linkKeys('V: facelab89'));
  });
});

describe('extractHandles: traps stay apart', () => {
  it.each([
    ['PSA: @kycdepot on telegram is a scammer'], // a warning quotes the accused seller's handle
    ['大家避雷，微信 facelab88 收了我300不发货还拉黑'],
    ['曝光：扣扣1357924680 过人脸骗钱'],
    ['via Telegram channels'],
    ['v2 release: 250k synthetic faces'], // v2 is a version, not 加V
  ])('%s → none', (text) => {
    expect(keys(text)).toEqual([]);
  });
});

// These held before too: they guard the rewrites above against reading more than they should.
describe('extractHandles: the new readings do not over-read', () => {
  it.each([
    ['face88 一手资源 加V：face88', 'wechat:face88'], // one numeral word after an id is not part of it
    ['加V face88一手资源', 'wechat:face88'],
    ['Police say: ask me @seller. thanks', 'tg:seller'], // no e-mail made of prose around an @
    ['微信 guorenlian_pr0', 'wechat:guorenlian_pr0'], // O for 0 only inside numbers: a one-off handle stays itself
    ['【闲鱼提示】谨防诈骗，交易纠纷请拨平台客服热线 400-000-6218', null], // platform boilerplate is no warning and no handle
    // A seller cautioning against its imitators is advertising: its handle is its own. Against a seller, it is a warning.
    ['Original shop, beware of imitators. TG @lumenprint_hq', 'tg:lumenprint_hq'],
    ['Beware of @lumenprint_hq, took my money', null],
  ])('%s', (text, key) => {
    expect(keys(text)).toEqual(key === null ? [] : [key]);
  });
});

describe('extractHandles: LINE needs its colon', () => {
  it('reads "LINE: x" and "LINE ID x" but not the English word', () => {
    expect(keys('LINE ID hkface168')).toEqual(['line:hkface168']);
    expect(keys('thanks to our front line workers')).toEqual([]);
    expect(keys('V信：前面 shou，后面 chi_zp')).toEqual(['wechat:shouchi_zp']);
  });
});

describe('extractHandles: how a value is read out, and a link spelled out', () => {
  it('reads the value after a note on how it is read out, without brackets ("手机用台语念：")', () => {
    expect(keys('手機用台語念：khòng-káu-it-jī sì-sì-sì gōo-khòng-it')).toEqual(['phone:0912444501']);
    expect(keys('電話按粵語讀：ling gau yat saam sei sei sei ng ling yat')).toEqual(['phone:0913444501']);
  });

  it('reads a Telegram link whose dot and slash are words, and never keeps a bare t.me', () => {
    expect(keys('飞机 t點me斜線marlow_cams')).toEqual(['tg:marlow_cams']);
    expect(keys('tg: t [dot] me slash marlow_cams')).toEqual(['tg:marlow_cams']);
    expect(keys('channel on t.me, ask for the link')).toEqual([]);
  });
});
