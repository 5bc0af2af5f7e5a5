import { describe, expect, it } from 'vitest';
import { extractHandles, isWarning } from './contact-handles.js';
import { linkKey } from './handle-rules.js';

const keys = (description: string, seller?: string) =>
  extractHandles({ id: 'x', description, seller })
    .map((h) => h.key)
    .filter((k) => !k.startsWith('alias:'));

// Disguises met in link/dev-data/dev-sellers-5 (Indonesian, Vietnamese, Korean, Gulf, Iranian, Indian and
// Cantonese markets, written apart from the rules); each failed before it was handled.
describe('extractHandles: app names of other markets', () => {
  it.each([
    ['wasap 0812 5550 3471 ya gan', 'phone:081255503471'], // Indonesian spelling of WhatsApp
    ['Hubungi whats ０８１２－５５５０－３４７１', 'phone:081255503471'], // "whats", full-width digits
    ['Liên hệ za lô 09O3 555 716', 'phone:0903555716'], // Zalo said out in Vietnamese
    ['카톡 아이디: faceshop24', 'kakao:faceshop24'], // KakaoTalk, Korean "ID" before the value
    ['카카오톡: b\u200ci\u200co\u200cf\u200ca\u200cc\u200ce\u200c7', 'kakao:bioface7'], // zero-width non-joiners between letters
    ['텔레 faceshop24 로 연락', 'tg:faceshop24'], // Korean short for Telegram
    ['문자/전화: 010-5550-2718', 'phone:01055502718'], // Korean "text / call"
    ['واتساب ٠٥٥٥٥٠١٨٣٤', 'phone:0555501834'], // Arabic WhatsApp, Arabic-Indic digits
    ['تيليجرام: wajh_data', 'tg:wajh_data'], // Arabic Telegram
    ['شماره تماس: ۰۹۱۲۵۵۵۴۰۸۷', 'phone:09125554087'], // Persian "contact number", Persian digits
    ['تلگرام: chehre_bank', 'tg:chehre_bank'], // Persian Telegram
    ['टेलीग्राम: aadhaarfacekit', 'tg:aadhaarfacekit'], // Hindi Telegram
    ['那个绿色的软件搜 renlian_hub2', 'wechat:renlian_hub2'], // "the green software", search word after it
    ['綠色嗰個app：ahkeung雙八', 'wechat:ahkeung88'], // Cantonese "the green one", 雙八 = 88
    ['小飞机上搜 faceforge_cn', 'tg:faceforge_cn'], // "search on the little plane"
    ['Q.Q：2917-468-35', 'qq:291746835'], // the cue's letters dotted
    ['W.A 0857-5550-9921', 'phone:085755509921'],
    ['🛫 mykyc_lab', 'tg:mykyc_lab'], // another plane for Telegram's logo
    ['[gambar: kode QR tele → kycmarket_id]', 'tg:kycmarket_id'], // image-alt text, "tele" with an id
    ['![qr tele](kycmarket_id)', 'tg:kycmarket_id'], // a markdown image
    ['Q號（粵拼）：saam yat chat sei gau ng yi baat yat luk', 'qq:3174952816'], // the id word, then a note on how the value is written
  ])('%s → %s', (text, key) => expect(keys(text)).toEqual([key]));

  it('reads "tele" without its colon only before an id-shaped value, as it is an English word too', () => {
    expect(keys('Tele converter 1.4x, mint condition')).toEqual([]);
    expect(keys('tele: kycmarket')).toEqual(['tg:kycmarket']);
  });

  it('reads no Arabic cue inside a longer word (تلي in تليفون, "telephone")', () => {
    expect(keys('تليفون سامسونج نظيف جدا')).toEqual([]);
  });
});

describe('extractHandles: the id is the seller name, said in other languages', () => {
  it.each([
    ['ID Telegram sama dengan nama toko.', 'wajah_verif', 'tg:wajah_verif'],
    ['Telegram = nama lapak ini ya gan', 'wajah_verif', 'tg:wajah_verif'],
    ['Tele trùng tên shop nhé.', 'khoanh_face', 'tg:khoanh_face'],
    ['Liên hệ tele, ID giống tên nick.', 'khoanh_face', 'tg:khoanh_face'],
    ['카톡 닉네임과 동일', 'bioface7', 'kakao:bioface7'],
  ])('%s (seller %s) → %s', (text, seller, key) => expect(keys(text, seller)).toEqual([key]));

  it('reads no id out of the words that say so ("sama dengan" is no Telegram name)', () => {
    expect(keys('ID Telegram sama dengan nama toko.', 'Toko Wajah Verif')).toEqual([]);
  });
});

describe('isWarning: accusations in other markets', () => {
  it.each([
    'Awas penipu! WA 0812 5550 3471 jual selfie KTP',
    'Cảnh báo lừa đảo: zalo 0903 555 716',
    '사기 주의: 카톡 faceshop24 입금하면 잠수탑니다',
    'احذروا النصاب واتساب 0555501834',
  ])('%s', (description) => expect(isWarning({ id: 'x', description })).toBe(true));

  it("is no warning when the seller says it is not a scam (its handle is the seller's own)", () => {
    for (const description of ['Amanah, bukan penipu. WA 0812 5550 3471', 'Uy tín, không lừa đảo. Zalo 0903 555 716'])
      expect(isWarning({ id: 'x', description })).toBe(false);
  });
});

describe('linkKey of a KakaoTalk id', () => {
  it('is the id of the same name on Telegram, WeChat or LINE (one name registered on several apps)', () => {
    const [kakao, tg] = [
      extractHandles({ id: 'a', description: '카톡 아이디: face_shop24' })[0]!,
      extractHandles({ id: 'b', description: '텔레 faceshop24' })[0]!,
    ];
    expect(kakao.kind).toBe('kakao');
    expect(linkKey(kakao)).toBe(linkKey(tg));
  });
});
