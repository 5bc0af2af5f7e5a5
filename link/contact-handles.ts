import { digitOf, foldText, readValue, type ValueRule } from './fold-text.js';
import { emailAlias, nameAlias } from './aliases.js';
import { undisguise } from './disguises.js';
import { spelledOnApp } from './spelled-ids.js';
import { emailHandle, lineHandle, phoneHandle, qqHandle, telegramHandle, urlHandle, wechatHandle } from './handle-rules.js';
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
  { words: ['扣扣', '抠抠', '蔻蔻', '企鹅号', '企鹅', '🐧', 'qq号', 'qq', 'q'], rule: DIGIT_RULE, read: qqHandle },
  { words: ['纸飞机', '飞机', '电报', 'telegram', 'tg', '✈'], rule: TG_RULE, read: telegramHandle },
  // LINE (Taiwan, Hong Kong, Japan): 賴 folds to 赖.
  // "line" is an English word ("front line workers"): as a cue it needs its colon, "id" or "@".
  { words: ['加赖', '赖', 'line:', 'lineid', 'line@'], rule: ID_RULE, read: lineHandle },
  {
    // A WhatsApp number is a phone number: "WA 同号" sellers give one number for both.
    words: ['手机号', '手机', '电话', '联系电话', 'tel', 'phone', 'call', 'whatsapp', 'wa', '☎', '📞', '📱', '✆', '☏'],
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
      // A lone letter cue followed by a digit is a version or a quarter (v2, q3), not 加V.
      if (/^[a-z]$/.test(w)) return `(?<![a-z0-9])${spaced}(?![a-z0-9])`;
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
  const fields = [listing.title, listing.description, listing.seller].map((f) => (f ? foldText(f) : ''));
  if (WARNING.test(`${fields[0]} ${fields[1]}`)) return [];
  const own = ownHosts(listing);
  for (const field of fields) {
    if (field === '') continue;
    let text = undisguise(field);
    for (const m of text.matchAll(EMAIL)) {
      emailHandle(m[0], m[0]).forEach(add);
      add(emailAlias(m[0]));
    }
    text = text.replace(EMAIL, (s) => ' '.repeat(s.length));
    for (const m of text.matchAll(TME)) add(m[1]!.startsWith('+') ? { kind: 'tg', key: `tg:${m[1]}`, raw: m[0] } : telegramHandle(m[1]!, m[0]));
    text = text.replace(TME, (s) => ' '.repeat(s.length));
    for (const m of text.matchAll(URL_TEXT)) add(urlHandle(m[0], own));
    text = text.replace(URL_TEXT, (s) => ' '.repeat(s.length));
    readCues(text, add);
    for (const m of text.matchAll(BARE_AT)) add(telegramHandle(m[1]!, m[0]));
    spelledOnApp(text).forEach(add);
    for (const m of text.matchAll(BARE_MOBILE)) {
      const digits = m[0].replace(/\D/g, '');
      add(phoneHandle(digits, m[0].startsWith('+'), m[0]));
    }
  }
  add(nameAlias(fields[2]!));
  return [...found.values()];
}

// Buyers' warnings and exposés ("避雷", "PSA: @x is a scammer") quote the handle of the seller they
// accuse: it is not the poster's, and linking by it would join the victim to the scammer. Platform
// boilerplate says 谨防诈骗 too, so the words are those of an accusation, not of a caution.
const WARNING =
  /避雷|曝光|骗子|骗钱|被骗|上当|收钱不发货|黑名单|别信|\bscam(?:mer|mers|med)?\b|\bpsa\b|\bbeware\b|ripped off|(?:don't|do not) (?:trust|buy from)|stay away from/;

/** isWarning on a title and description already folded (no second fold of the text). */
export function isWarningFolded(title: string, description: string): boolean {
  return WARNING.test(`${title} ${description}`);
}

export function isWarning(listing: LinkListing): boolean {
  return WARNING.test(foldText(`${listing.title ?? ''} ${listing.description ?? ''}`));
}

// "LINE ID: x", "微信号：x", "tg handle x", "tg — handle is x": the word between cue and value.
// "加赖（LINE）：x": the app named again in brackets.
// "✈ 搜 x", "加V，名字是 x", "Q号好记：x": a word saying what to search for or how to remember it.
// Only spaces, a dash or a colon before these words: "tg, handle split: …" and "tg: @… (split)" are prose.
const ID_WORD =
  /^(?:[\s—–-]*(?:id|username|handle|name|账号|号)(?:\s+is\b)?(?=\s*[:：\s])|\s*[(（][a-z ]{1,12}[)）]|[\s:：,，]*(?:号|账号)?(?:好记|名字(?:是|叫)?|搜索?|search(?: for)?)(?=[\s:：,，]*[a-z0-9]))/u;

// "hezheng_ai（微信）", "facelab88 (wx)": the id first, its app after it in brackets.
const POSTFIX_CUE = new RegExp(
  `(?<![a-z0-9_.-])([a-z0-9][a-z0-9_.-]{3,31})\\s*[(（]\\s*(${[...CUE_INDEX.keys()]
    .filter((w) => w.length > 1 || !/[a-z]/.test(w))
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?:号|\\s*id)?\\s*[)）]`,
  'gu',
);

function readCues(text: string, add: (h: ContactHandle | null) => void): void {
  if (text.includes('('))
    for (const m of text.matchAll(POSTFIX_CUE)) {
      const cue = CUES[CUE_INDEX.get(m[2]!)!]!;
      const value = m[1]!.replace(/\./g, '');
      if (Array.from(value).every((ch) => cue.rule.accept(ch) !== undefined)) add(cue.read(value, m[0]));
    }
  for (const m of text.matchAll(CUE)) {
    const cue = CUES[CUE_INDEX.get(m[0].replace(/\s/g, ''))!]!;
    const after = m.index + m[0].length;
    const from = after + (ID_WORD.exec(text.slice(after, after + 16))?.[0].length ?? 0);
    const value = readValue(text, from, cue.rule);
    if (value !== '') add(cue.read(value, `${m[0]}${text.slice(from, from + value.length + 4).trimEnd()}`));
  }
}
