import { CUES } from './cue-words.js';
import { foldText, readValue, type ValueRule } from './fold-text.js';
import { emailAlias, nameAlias } from './aliases.js';
import { undisguise } from './disguises.js';
import { spelledOnApp } from './spelled-ids.js';
import { emailHandle, phoneHandle, telegramHandle, urlHandle } from './handle-rules.js';
import { numberAfterHours, startsWithHoursOrPrice } from './number-shapes.js';
import type { ContactHandle, LinkListing } from './types.js';

/**
 * Every off-platform contact a listing gives (title, description, seller name), one key per handle.
 * Order of work: e-mails and links first (then blanked, so the "qq" of x@qq.com or the "v" of a URL is
 * no cue), then cue words (加V, 扣扣, 飞机, 电话 …) with the value after them, then bare @handles and
 * bare mobile numbers, which need no cue.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CUE_INDEX = new Map<string, number>();
CUES.forEach((c, i) => c.words.forEach((w) => CUE_INDEX.set(w, i)));
// Longest first so 微信号 wins over 微; a Latin cue may not sit inside a word (dev, tv, wax) nor be followed by a letter (vxface).
const CUE = new RegExp(
  [...CUE_INDEX.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      // "微 信", "w x", "q q": a space between the letters of a cue is a disguise too; so is a dot between
      // the letters of a short Latin one ("Q.Q", "W.A", "V.X"), written as an abbreviation.
      const spaced = Array.from(w)
        .map(escape)
        .join(/^[a-z]{2,3}$/.test(w) ? '[\\s.]?' : '\\s?');
      // Arabic-script cues stand as words: تلي is not the start of تليفون ("telephone").
      if (/[\u0600-\u06ff]$/.test(w)) return `(?<![\u0600-\u06ff])${spaced}(?![\u0600-\u06ff])`;
      // 二维码 is a QR code and 三维 3D: no 維 in them.
      if (w === '维') return '(?<![二三])维';
      // Thai ออนไลน์ is "online": no LINE in it.
      if (w === foldText('ไลน์')) return `(?<!${foldText('ออน')})${spaced}`;
      // A lone letter cue followed by a digit is a version or a quarter (v2, q3), not 加V.
      if (/^[a-z]$/.test(w)) return `(?<![a-z0-9])${spaced}(?![a-z0-9])`;
      // A cue ending in its own colon or @ ("line:", "line@") may touch the id after it ("LINE：kenji").
      // "тг" ends in a Cyrillic letter: no more letters may follow it either ("тгк" is a channel, no cue).
      if (/^[a-z]/.test(w))
        return /[a-z]$/.test(w) ? `(?<![a-z0-9])${spaced}(?![a-z])` : /\p{L}$/u.test(w) ? `(?<![a-z0-9])${spaced}(?![a-z\\p{L}])` : `(?<![a-z0-9])${spaced}`;
      return spaced;
    })
    .join('|'),
  'gu',
);

// Local part and labels bounded (64 and 63, a mailbox's and a label's own limits): unbounded, every
// letter of a long run without an '@' started a scan to its end (50,000 letters took 4-8 s).
const EMAIL = /[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,}/g;
// "t .me / name": a link spaced out so the platform does not make it clickable.
const TME = /(?:https?:\/\/)?(?<![a-z0-9])(?:t|telegram)\s?\.\s?me\s?\/\s?(\+?[a-z0-9_]{5,64})/g;
// WhatsApp's click-to-chat link carries the number in international form: wa.me/60125550199 is +60 12-555 0199.
const WA_ME = /(?:https?:\/\/)?(?<![a-z0-9])(?:wa\.me|api\.whatsapp\.com\/send\/?\?phone=)\/?\+?([0-9]{7,15})(?![0-9])/g;
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
  // "… mail rex.models@" | "mailbox.example — …": an address cut between title and description.
  const [title, description] = [fields[0]!.trimEnd(), fields[1]!.trimStart()];
  if (title.endsWith('@') || description.startsWith('@')) {
    const junction = title.length;
    for (const m of `${title}${description}`.matchAll(EMAIL)) if (m.index < junction && m.index + m[0].length > junction) emailHandle(m[0], m[0]).forEach(add);
  }
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
    for (const m of text.matchAll(WA_ME)) add(phoneHandle(m[1]!, true, m[0]));
    text = text.replace(WA_ME, (s) => ' '.repeat(s.length));
    for (const m of text.matchAll(URL_TEXT)) add(urlHandle(m[0], own));
    text = text.replace(URL_TEXT, (s) => ' '.repeat(s.length));
    // Before the bare @names: the "@mailbox" of "my name @mailbox.example" is a domain, no Telegram name.
    if (text.includes('name')) text = nameAtDomain(text, fields[2]!, add);
    readCues(text, add, fields[2]!);
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
// boilerplate says 谨防诈骗 too, so the words are those of an accusation, not of a caution. A seller's
// own "beware of fakes / imitators" is a caution too: it is an ad, and its handle is the seller's
// (read as a warning, a copycat's "the REAL one … beware of fakes, TG x" gave no handle to veto by).
// 报警 / 报咗警 / แจ้งความ (folded: แจงความ, without its tone mark): the poster has gone to the police about whoever it names.
// Other markets' words of an accusation: Indonesian penipu(an)/ketipu (not a seller's "bukan penipu", "not a
// scammer"), Vietnamese lừa đảo (not "không lừa đảo"), Korean 사기 주의/사기꾼/사기당, Arabic نصاب, Persian کلاهبردار.
const WARNING =
  /避雷|曝光|骗子|骗钱|被骗|上当|收钱不发货|黑名单|别信|报(?:咗|了)?警|แจงความ|(?<!bukan |anti |no )penipu|ketipu|(?<!không )lừa đảo|사기\s?(?:주의|조심|꾼|당)|نصاب|کلاهبردار|\bscam(?:mer|mers|med)?\b|\bpsa\b|\bbeware\b(?!:? of (?:fakes|imitators|copycats|impostors|imposters|clones)\b)|ripped off|(?:don't|do not) (?:trust|buy from)|stay away from/;

/** isWarning on a title and description already folded (no second fold of the text). */
export function isWarningFolded(title: string, description: string): boolean {
  return WARNING.test(`${title} ${description}`);
}

export function isWarning(listing: LinkListing): boolean {
  return WARNING.test(foldText(`${listing.title ?? ''} ${listing.description ?? ''}`));
}

// Words of a bracketed note saying a contact's value must be decoded first: delete, subtract, in base N,
// convert, read reversed, replace, Roman numerals, each digit (每位), multiply. Before the value, "加" too
// ("每位加一"); after it, 加 is "add me" ("abc（加我请备注）") and says nothing of the value. The notes
// decode-notes.ts understands are decoded before this is asked; any other leaves the value unread.
const DECODE_WORDS = '删|减|进制|换算|倒着|倒过|反着|反过|替换|去掉|罗马|每位|乘';

// "LINE ID: x", "微信号：x", "tg handle x", "tg — handle is x": the word between cue and value.
// "加赖（LINE）：x": the app named again in brackets. "微信二维码 x", "QQ名片 x" (its contact card),
// "WeChat QR, id x", "paper plane app: x": what the id is of.
// "✈ 搜 x", "小飞机上搜 x", "加V，名字是 x", "Q号好记：x": a word saying what to search for or how to remember it.
// "카톡 아이디: x": Korean for "id".
// "手机用台语念：", "电话按粤语读：": how the value is read out, said without brackets before its colon.
// "电话（按对讲机念法）：", "手机（苏州码子）：": a short note in brackets on how the value is written, before
// its colon (a Latin note may stand without one: "加赖（LINE）x"). Not a note that the value is encoded
// ("每位数字减一", "十六进制", "倒着读", "罗马数字"): read as written, it would be someone else's number.
// Only spaces, a dash or a colon before these words: "tg, handle split: …" and "tg: @… (split)" are prose.
// A bracketed note before the colon, at most this long: "(flip your phone)", "(read it upside down)".
const NOTE_MAX = 20;
const ID_WORD = new RegExp(
  String.raw`^(?:[\s—–-]*(?:(?:二维码|qr(?:\s?code)?)[\s,，]*)?(?:id|username|handle|name|app|账号|号|二维码|名片|아이디|qr(?:\s?code)?)(?:\s+is\b)?(?=\s*[:：\s(（])|\s*[(（][a-z ]{1,12}[)）]|\s*(?:用|按|以)\p{Script=Han}{1,5}?(?:念|读|写|讲|说)(?:法|出来)?(?=\s*[:：])|\s*[(（](?![^()（）]*(?:${DECODE_WORDS}|加))[^()（）:：]{1,${NOTE_MAX}}[)）](?=\s*[:：])|[\s:：,，]*(?:号|账号)?(?:好记|名字(?:是|叫)?|(?:上|里)?搜索?|search(?: for)?)(?=[\s:：,，]*[a-z0-9]))`,
  'u',
);

// "hezheng_ai（微信）", "facelab88 (wx)": the id first, its app after it in brackets.
const POSTFIX_CUE = new RegExp(
  `(?<![a-z0-9_.-])([a-z0-9][a-z0-9_.-]{3,31})\\s*[(（]\\s*(${[...CUE_INDEX.keys()]
    .filter((w) => w.length > 1 || !/[a-z]/.test(w))
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?:号|\\s*id)?\\s*[)）]`,
  'gu',
);

// "+60 12-555 0199 (WhatsApp)", "0912 555 018（手机）": a number first, the app or the word phone after it in brackets.
const POSTFIX_PHONE = /(?<![0-9a-z])(\+?[0-9](?:[\s.-]?[0-9]){6,14})\s*[(（]\s*(?:whatsapp|wa|signal|viber|tel|phone|mobile|手机|电话|手机号)\s*[)）]/g;

// "微信号同店铺名", "飞机号跟我B站名一样", "TG same as my username": the id is the seller name the listing
// is posted under. 同号 (same as the phone number) names no name and is not read here.
// Other markets say it so too: Indonesian "sama dengan nama toko" / "= nama lapak ini", Vietnamese
// "trùng tên shop" / "giống tên nick", Korean "닉네임과 동일".
const SAME_AS_NAME =
  /^[\s:：,，=]*(?:号|id)?[\s:：,，=]*(?:(?:同|跟|和|与)(?:我的?)?[\p{Script=Han}a-z]{0,4}?(?:名|名字|昵称|用户名|id)(?:一样|相同)?|(?:is\s+)?(?:the\s+)?same\s+as\s+(?:my\s+)?(?:[a-z]+\s+)?(?:user\s?name|name|handle|id)|(?:sama\s+(?:dengan|kayak|kaya|seperti)\s+)?nama\s+(?:toko|lapak|akun|shop|olshop)(?![a-z])|(?:trùng|giống)\s+(?:với\s+)?tên\s+(?:shop|nick|tài khoản|cửa hàng)|(?:닉네임|상점명|가게\s?이름)(?:과|와|이랑)?\s*(?:동일|같))/u;
// "mail: my forum name @mailbox.example": an address made of the seller name.
const NAME_AT_DOMAIN = /\bmy\s+(?:[a-z]+\s+)?(?:user\s?name|name)\s*@\s*([a-z0-9-]+(?:\.[a-z0-9-]+)+)/g;
// A seller name that can be an id as it stands ("swapper_gz", "@ajie_liveness", "rex.models").
const ID_NAME = /^@?([a-z0-9][a-z0-9_.-]{2,31})$/;

/** The id a seller name is, read by the cue's rule ("" when the name is words, not an id). */
function nameAsId(seller: string, rule: ValueRule): string {
  const name = ID_NAME.exec(seller.trim())?.[1];
  return name === undefined ? '' : readValue(name, 0, rule);
}

/** Adds the addresses "my name @domain" makes of the seller name; returns the text with them blanked. */
function nameAtDomain(text: string, seller: string, add: (h: ContactHandle | null) => void): string {
  const local = ID_NAME.exec(seller.trim())?.[1];
  if (local === undefined) return text;
  return text.replace(NAME_AT_DOMAIN, (all, domain: string) => {
    emailHandle(`${local}@${domain}`, all).forEach(add);
    return ' '.repeat(all.length);
  });
}

// The apps after a first one, each after a slash or '&': what the first cue's value comes after.
const CHAINED_CUE = new RegExp(`^(?:\\s*[/／&]\\s*(?:${CUE.source}))+`, 'u');

// A note after the value that says it is encoded (DECODE_WORDS).
const ENCODED_NOTE_AFTER = new RegExp(`^[(（][^()（）]{0,16}(?:${DECODE_WORDS})`);

/** The value at the start of `rest` is followed by such a note: the first bracket after it, with no Chinese word between. */
function encodedNoteAfter(rest: string): boolean {
  const at = rest.search(/[(（]/);
  return at >= 0 && !/\p{Script=Han}/u.test(rest.slice(0, at)) && ENCODED_NOTE_AFTER.test(rest.slice(at));
}

// A note that is only a country code: "(+66)", "（+852）".
const COUNTRY_CODE_NOTE = /^\s*[(（]\s*\+\s?(\d{1,3})\s*[)）]\s*$/;

// After a cue that is an everyday word too ("tele"): a colon or '@', or a first word shaped as an id (a digit or '_').
const AMBIGUOUS_CUE_VALUE = /^[^a-z0-9]*?(?:[:：@]|[a-z]*[0-9_])/;

// A contact named as the seller's new one, right before its cue ("新V：", "new WA"), or after words
// saying the old one was banned, earlier in the same sentence ("旧号被封了，搜这个加我v", "old one got banned, tg").
const RENEWAL = /(?:新|(?<![a-z])new)\s*$/;
const BANNED_BEFORE =
  /(?:旧号|旧的|老号|原号|(?<![a-z])old (?:one|account|number|id))[^。.!！?？\n]{0,8}(?:被封|被锁|封了|锁了|没了|banned|blocked|locked)[^。.!！?？\n]{0,16}$/;

/** Whether the sentence before a cue at `at` says the old contact was banned (most have no such word: one cheap test first). */
function bannedBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return /封|锁|没了|ban|block|lock/.test(before) && BANNED_BEFORE.test(before);
}

function readCues(text: string, add: (h: ContactHandle | null) => void, seller: string): void {
  if (text.includes('(')) {
    for (const m of text.matchAll(POSTFIX_PHONE)) add(phoneHandle(m[1]!.replace(/\D/g, ''), m[1]!.startsWith('+'), m[0]));
    for (const m of text.matchAll(POSTFIX_CUE)) {
      const cue = CUES[CUE_INDEX.get(m[2]!)!]!;
      const value = m[1]!.replace(/\./g, '');
      if (Array.from(value).every((ch) => cue.rule.accept(ch) !== undefined)) add(cue.read(value, m[0]));
    }
  }
  for (const m of text.matchAll(CUE)) {
    const cue = CUES[CUE_INDEX.get(m[0].replace(/[\s.]/g, ''))!]!;
    // "WhatsApp/Telegram: +44 …", "手機/LINE：0912…": two apps before one value; each cue reads it by its own rule.
    const after = m.index + m[0].length + (CHAINED_CUE.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 40))?.[0].length ?? 0);
    const sameAsName = seller === '' ? null : SAME_AS_NAME.exec(text.slice(after, after + 32));
    if (sameAsName !== null) {
      const value = nameAsId(seller, cue.rule);
      if (value !== '') add(cue.read(value, `${m[0]}${sameAsName[0]}`));
      continue;
    }
    if (cue.ambiguous === true && !AMBIGUOUS_CUE_VALUE.test(text.slice(after, after + 40))) continue;
    const word = ID_WORD.exec(text.slice(after, after + NOTE_MAX + 4))?.[0] ?? '';
    // "Q號（粵拼）：…": the id word, then a note in brackets on how the value is written.
    const note =
      word === '' || !/^\s*[(（]/.test(text.slice(after + word.length))
        ? word
        : word + (ID_WORD.exec(text.slice(after + word.length, after + word.length + NOTE_MAX + 4))?.[0] ?? '');
    let from = after + note.length;
    // "WhatsApp (+66): 81 555 3302": the country code in the note before the colon is the number's own.
    const code = cue.rule.numeric ? (COUNTRY_CODE_NOTE.exec(note)?.[1] ?? '') : '';
    if (startsWithHoursOrPrice(text.slice(from, from + 32))) {
      const number = numberAfterHours(text.slice(from, from + 64));
      if (number < 0) continue;
      from += number;
    }
    const read = readValue(text, from, cue.rule);
    const value = read !== '' && !read.startsWith(code) ? `${code}${read}` : read;
    // "薇：rXenlXian_cXang（刪除所有X）": a note after the value that says it is encoded; as written it is no one's.
    if (value !== '' && encodedNoteAfter(text.slice(from, from + value.length + 24))) continue;
    // "旧号被封了，新V：x", "new WA +60 …": the raw keeps the word that says the contact replaces another (handle-rules.ts isRenewed).
    const renewal = RENEWAL.exec(text.slice(Math.max(0, m.index - 6), m.index))?.[0] ?? (bannedBefore(text, m.index) ? '新' : '');
    if (value !== '') add(cue.read(value, `${renewal}${m[0]}${text.slice(from, from + value.length + 4).trimEnd()}`));
  }
}
