import { digitOf, foldText, readValue, type ValueRule } from './fold-text.js';
import { emailHandle, phoneHandle, qqHandle, telegramHandle, urlHandle, wechatHandle } from './handle-rules.js';
import type { ContactHandle, LinkListing } from './types.js';

/**
 * Every off-platform contact a listing gives (title, description, seller name), one key per handle.
 * Order of work: e-mails and links first (then blanked, so the "qq" of x@qq.com or the "v" of a URL is
 * no cue), then cue words (加V, 扣扣, 飞机, 电话 …) with the value after them, then bare @handles and
 * bare mobile numbers, which need no cue.
 */

const ID_RULE: ValueRule = { accept: (ch) => (/^[a-z0-9_-]$/.test(ch) ? ch : undefined), maxLength: 32, numeric: false };
const TG_RULE: ValueRule = { accept: (ch) => (/^[a-z0-9_]$/.test(ch) ? ch : undefined), maxLength: 32, numeric: false };
const DIGIT_RULE: ValueRule = { accept: digitOf, maxLength: 16, numeric: true };

type Reader = (value: string, raw: string) => ContactHandle | null;

// Cue words after folding (lower case, simplified). Latin cues must stand alone (see CUE below).
const CUES: ReadonlyArray<{ words: readonly string[]; rule: ValueRule; read: Reader }> = [
  {
    words: [
      '微信号',
      '微信',
      '薇信',
      '威信',
      '维信',
      '卫星',
      '位信',
      'v信',
      'wei信',
      'wechat',
      'weixin',
      'vx',
      'wx',
      // 加V written out further ("加 v x face88"): read as one cue, so the x is not taken for the id's first letter.
      '加vx',
      '加wx',
      '加v信',
      '加v',
      '薇',
      '威',
      '徽',
      '微',
      'v',
      '❤',
      '♥',
      '💚',
    ],
    rule: ID_RULE,
    read: wechatHandle,
  },
  { words: ['扣扣', '抠抠', '蔻蔻', '企鹅号', '企鹅', 'qq号', 'qq', 'q'], rule: DIGIT_RULE, read: qqHandle },
  { words: ['纸飞机', '飞机', '电报', 'telegram', 'tg', '✈'], rule: TG_RULE, read: telegramHandle },
  {
    words: ['手机号', '手机', '电话', '联系电话', 'tel', 'phone', 'call', 'whatsapp', 'wa', '☎', '📞', '📱'],
    rule: DIGIT_RULE,
    read: (digits, raw) => phoneHandle(digits, false, raw),
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CUE_INDEX = new Map<string, number>();
CUES.forEach((c, i) => c.words.forEach((w) => CUE_INDEX.set(w, i)));
// Longest first so 微信号 wins over 微; a Latin cue may not sit inside a word (dev, tv, wax) nor be followed by a letter (vxface).
const CUE = new RegExp(
  [...CUE_INDEX.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      // "微 信", "w x", "q q": a space between the letters of a cue is a disguise too.
      const spaced = Array.from(w).map(escape).join('\\s?');
      return /^[a-z]/.test(w) ? `(?<![a-z0-9])${spaced}(?![a-z])` : spaced;
    })
    .join('|'),
  'gu',
);

const EMAIL = /[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;
const TME = /(?:https?:\/\/)?(?:t|telegram)\.me\/(\+?[a-z0-9_]{5,64})/g;
const URL_TEXT =
  /(?:https?:\/\/[^\s"'<>，。）)]+|(?<![a-z0-9@.-])(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|shop|store|top|xyz|io|me|cc|co|vip|site|link|info)(?:\/[^\s"'<>，。）)]*)?)/g;
const BARE_AT = /(?<![a-z0-9._%+-])@([a-z][a-z0-9_]{4,31})(?![a-z0-9_])/g;
const BARE_MOBILE = /(?<![0-9])(?:\+?86[\s.-]?)?1[3-9](?:[\s.-]?[0-9]){9}(?![0-9])/g;

/** Host names of the listing's own site: a link back to it is no off-platform contact. */
function ownHosts(listing: LinkListing): Set<string> {
  const hosts = new Set<string>();
  try {
    if (listing.url) hosts.add(new URL(listing.url).hostname.replace(/^(www|m)\./, ''));
  } catch {
    // a listing without a usable URL still has its text read
  }
  return hosts;
}

export function extractHandles(listing: LinkListing): ContactHandle[] {
  const found = new Map<string, ContactHandle>();
  const add = (h: ContactHandle | null) => {
    if (h !== null && !found.has(h.key)) found.set(h.key, h);
  };
  const own = ownHosts(listing);
  for (const field of [listing.title, listing.description, listing.seller]) {
    if (!field) continue;
    let text = foldText(field);
    for (const m of text.matchAll(EMAIL)) emailHandle(m[0], m[0]).forEach(add);
    text = text.replace(EMAIL, (s) => ' '.repeat(s.length));
    for (const m of text.matchAll(TME)) add(m[1]!.startsWith('+') ? { kind: 'tg', key: `tg:${m[1]}`, raw: m[0] } : telegramHandle(m[1]!, m[0]));
    text = text.replace(TME, (s) => ' '.repeat(s.length));
    for (const m of text.matchAll(URL_TEXT)) add(urlHandle(m[0], own));
    text = text.replace(URL_TEXT, (s) => ' '.repeat(s.length));
    readCues(text, add);
    for (const m of text.matchAll(BARE_AT)) add(telegramHandle(m[1]!, m[0]));
    for (const m of text.matchAll(BARE_MOBILE)) {
      const digits = m[0].replace(/\D/g, '');
      add(phoneHandle(digits, m[0].startsWith('+'), m[0]));
    }
  }
  return [...found.values()];
}

function readCues(text: string, add: (h: ContactHandle | null) => void): void {
  for (const m of text.matchAll(CUE)) {
    const cue = CUES[CUE_INDEX.get(m[0].replace(/\s/g, ''))!]!;
    const from = m.index + m[0].length;
    const value = readValue(text, from, cue.rule);
    if (value !== '') add(cue.read(value, `${m[0]}${text.slice(from, from + value.length + 4).trimEnd()}`));
  }
}
