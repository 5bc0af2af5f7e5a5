import { nationalNumber, startsWithTwoDigitCode } from './phone-national.js';
import type { ContactHandle, HandleKind } from './types.js';

/**
 * When a value read after a cue is a handle, and its one canonical key. Conservative on purpose: a
 * false handle links strangers, a missed one only costs a link the text may still make.
 *
 *  - wechat: 5-20 of [a-z0-9_-] with a letter and 3+ distinct characters, not a generic word ("vx",
 *    "wechat", "details"). All digits: an 11-digit mobile number is a phone, 5-11 digits a QQ number
 *    (numeric WeChat ids are the owner's phone or QQ), so each number has one key whatever cue named it.
 *  - qq: 5-11 digits, not starting with 0, 3+ distinct digits, not a service number.
 *  - tg: 5-32 of [a-z0-9_] starting with a letter (Telegram's own rule), not generic.
 *  - phone: Chinese mobiles (1[3-9] + 9 digits, +86 dropped), else 7-15 digits after a phone cue;
 *    never a hotline (400/800 numbers, 95xxx/96xxx, 10xxx/12xxx service numbers, 11x emergency).
 */

export const GENERIC_WORDS = new Set(
  [
    'wechat',
    'weixin',
    'vxvx',
    'wxwx',
    'telegram',
    'tgtg',
    'qqqq',
    'email',
    'phone',
    'contact',
    'details',
    'detail',
    'inbox',
    'message',
    'private',
    'online',
    'admin',
    'kefu',
    'service',
    'support',
    'channel',
    'channels',
    'groups',
    'group',
    'joinchat',
    'share',
    'https',
    'http',
    'index',
    'login',
    'about',
    'hello',
    'thanks',
    'please',
    'price',
    'photo',
    'photos',
    'selfie',
    'video',
    'verify',
    'taobao',
    'xianyu',
    'tmall',
    'whatsapp',
    'facebook',
    'twitter',
    'instagram',
    'username',
    'handle',
    'number',
    // Pinyin of the trade's own words ("tg 搜 shouchi"): a search term every seller may give, no one's id.
    'shouchi',
    'renlian',
    'shualian',
    'huoti',
    'zhengjian',
    'shenfenzheng',
  ].map((w) => w),
);

const MOBILE = /^1[3-9]\d{9}$/;

/** Platform and public service numbers every seller may print: never anyone's identity. */
export function isHotline(digits: string): boolean {
  if (/^[48]00\d{7}$/.test(digits)) return true; // 400-/800- company hotlines
  if (/^(95|96)\d{3,6}$/.test(digits)) return true; // 95xxx bank, carrier and platform lines
  if (/^1[0-2]\d{3}$/.test(digits)) return true; // 10086, 10010, 12306, 12315, 12345
  if (/^1(10|19|20|22)$/.test(digits)) return true;
  return false;
}

function distinct(s: string): number {
  return new Set(s).size;
}

function numberHandle(digits: string, raw: string): ContactHandle | null {
  if (isHotline(digits)) return null;
  if (MOBILE.test(digits)) return handle('phone', digits, raw);
  if (/^[1-9]\d{4,10}$/.test(digits) && distinct(digits) >= 3) return handle('qq', digits, raw);
  return null;
}

function handle(kind: HandleKind, canonical: string, raw: string): ContactHandle {
  return { kind, key: `${kind}:${canonical}`, raw };
}

export function wechatHandle(value: string, raw: string): ContactHandle | null {
  const v = value.replace(/^[-_]+|[-_]+$/g, '');
  if (/^\d+$/.test(v)) return numberHandle(v, raw);
  if (v.length < 5 || v.length > 20 || !/[a-z]/.test(v) || distinct(v) < 3 || GENERIC_WORDS.has(v)) return null;
  return handle('wechat', v, raw);
}

export function lineHandle(value: string, raw: string): ContactHandle | null {
  const h = wechatHandle(value, raw);
  return h?.kind === 'wechat' ? handle('line', h.key.slice('wechat:'.length), raw) : h;
}

/** A KakaoTalk id (Korea's messenger): read as a WeChat or LINE id is (numbers are phones or QQ). */
export function kakaoHandle(value: string, raw: string): ContactHandle | null {
  const h = wechatHandle(value, raw);
  return h?.kind === 'wechat' ? handle('kakao', h.key.slice('wechat:'.length), raw) : h;
}

/**
 * Kinds whose value is an id a seller picks (WeChat, Telegram, LINE, KakaoTalk): one name is often
 * registered on several of these apps, so they are compared as one family (linkKey, link-order.ts).
 */
export function isAppId(h: ContactHandle): boolean {
  return h.kind === 'wechat' || h.kind === 'tg' || h.kind === 'line' || h.kind === 'kakao';
}

export function qqHandle(digits: string, raw: string): ContactHandle | null {
  return /^\d+$/.test(digits) ? numberHandle(digits, raw) : null;
}

export function telegramHandle(value: string, raw: string): ContactHandle | null {
  // Telegram names are never all digits: a number written with its '+' after the cue is the phone the
  // account is on ("TG: +44 7700 900123"); without one, a number is read as any cue's (numberHandle).
  if (/^\d+$/.test(value)) return /\+\s*\d/.test(raw) ? phoneHandle(value, true, raw) : numberHandle(value, raw);
  if (!/^[a-z][a-z0-9_]{4,31}$/.test(value) || distinct(value) < 3 || GENERIC_WORDS.has(value)) return null;
  return handle('tg', value, raw);
}

export function phoneHandle(digits: string, international: boolean, raw: string): ContactHandle | null {
  let d = digits;
  if (d.startsWith('86') && MOBILE.test(d.slice(2))) d = d.slice(2);
  if (isHotline(d)) return null;
  if (MOBILE.test(d)) return handle('phone', d, raw);
  if (d.length < 7 || d.length > 15 || distinct(d) < 3) return null;
  // Keys carry the country code without '+' (sellers write "+852 …" and "852-…" alike); a bare
  // ten-digit number starting 2-9 is North American ("WA 202.555.0187 (US)" = +1 202 555 0187).
  // Not when it is written after a two-digit group ("WA 65 8555 0142"): North American area codes have
  // three digits, so that group is a country code already given. Nor when it is one run of ten digits
  // starting with a two-digit country code ("green app: 6585550142", the form a wa.me link or
  // WhatsApp's own copy gives without its '+'); grouped 3-3-4 it is North American again.
  if (!international && /^[2-9]\d{9}$/.test(d) && northAmerican(d, raw)) d = `1${d}`;
  return handle('phone', d, raw);
}

/**
 * Whether a bare ten-digit number reads as North American by how it is grouped (see phoneHandle):
 * North American numbers are grouped 3-3-4 (area code first); an Indian mobile is grouped 5-5
 * ("98555 01243"), a number after a country code 2-4-4. One run of ten is North American unless it
 * starts with a two-digit country code.
 */
function northAmerican(d: string, raw: string): boolean {
  const first = /\d+/.exec(raw)?.[0] ?? '';
  if (first.length === d.length) return !startsWithTwoDigitCode(d);
  return first.length === 3;
}

export function emailHandle(address: string, raw: string): ContactHandle[] {
  const out = [handle('email', address, raw)];
  // 12345678@qq.com is QQ 12345678: the same person whichever way the listing gives it.
  const qq = /^([1-9]\d{4,10})@qq\.com$/.exec(address);
  if (qq) {
    const n = numberHandle(qq[1]!, raw);
    if (n) out.push(n);
  }
  return out;
}

// Marketplaces and big sites: a bare link to one of them (no path) says nothing about who posted it.
// So are the chat apps' link hosts without a name after them (t.me, wa.me): what is left of a link whose path was not read.
const GENERIC_HOSTS = new Set([
  'taobao.com',
  'tmall.com',
  'jd.com',
  'goofish.com',
  'xianyu.com',
  'qq.com',
  'weixin.qq.com',
  'pinduoduo.com',
  'weidian.com',
  't.me',
  'telegram.me',
  'wa.me',
]);
const TRACKING_PARAM = /^(utm_\w+|spm|scm|pvid|from|share_\w+|sourcetype|ut_sk|tt_from)$/i;

/** An off-platform shop or page link; null for the listing's own site and bare marketplace homepages. */
export function urlHandle(rawUrl: string, ownHosts: ReadonlySet<string>): ContactHandle | null {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//.test(rawUrl) ? rawUrl : `https://${rawUrl}`);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^(www|m)\./, '');
  if (ownHosts.has(host)) return null;
  for (const p of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(p)) url.searchParams.delete(p);
  const path = url.pathname.replace(/\/+$/, '');
  const query = url.searchParams.toString();
  if (path === '' && query === '' && GENERIC_HOSTS.has(host)) return null;
  return handle('url', `${host}${path}${query === '' ? '' : `?${query}`}`, rawUrl);
}

/**
 * What two handles must share to link: the key, except that phone numbers are compared by their
 * national part (phone-national.ts), and WeChat ids and Telegram names without '_' and '-' (a seller
 * writes zhang_pics, zhang.pics and zhang pics for one id; the dot and space are dropped when read,
 * the underscore must be dropped here). Keys keep the written form.
 */
export function linkKey(h: ContactHandle): string {
  // A phone written the local way ("011-5550 2846") and the international way ("+60 11-5550 2846") is one line (phone-national.ts).
  if (h.kind === 'phone') return `phone:${nationalNumber(h.key.slice('phone:'.length))}`;
  if (!isAppId(h) && h.kind !== 'alias') return h.key;
  // One id across apps: sellers register the same name on WeChat, Telegram and LINE (facelab88 on
  // one, @facelab_88 on the other), and a distinctive id is theirs wherever it is written.
  return `id:${h.key.slice(h.key.indexOf(':') + 1).replace(/[_-]/g, '')}`;
}

/**
 * A contact the listing calls its new one ("旧号被封了，新V：x", "New WA …, old one banned"): its raw
 * starts with the word (contact-handles.ts keeps it). Sellers' accounts are banned all the time and
 * the ad comes back word for word with the new contact, so such a handle does not veto a text link to
 * the old one's listings (link-order.ts conflicting); it still links only what it itself names.
 */
export function isRenewed(h: ContactHandle): boolean {
  return h.raw.startsWith('新') || h.raw.startsWith('new ');
}
