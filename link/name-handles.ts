import { pinyin } from 'pinyin-pro';
import { foldText } from './fold-text.js';
import { GENERIC_WORDS, isAppId } from './handle-rules.js';
import { nameStems } from './name-stems.js';
import type { ContactHandle } from './types.js';

/**
 * A display name that spells one of a seller's contacts another way: the shop "SynthFace Labs" whose
 * mail is sales@synthface.example, the studio "松鼠影像馆" whose WeChat is ssyxg_photo (the
 * pinyin initials of its name) or songshuyingxiangguan. Sellers name their domain after the brand and derive their
 * ids from the shop name, so a brand stem (name-stems.ts, 6+ letters or 4+ Han characters) equal to a
 * handle's brand part links the two listings without their text being alike. Brand parts:
 *  - an e-mail's or link's domain label (synthface in x@synthface.example), not a mail provider's;
 *  - an id's first piece before '_' or '-', or the whole id, compared with the pinyin of a Han stem
 *    only (full, or initials when the stem has 5+ characters: 4 letters of initials are too common).
 *  - a WeChat/Telegram/LINE id as a whole (without '_', '-', '.'), compared with a Latin name as a
 *    whole, squeezed of its spaces and separators: "SG Lumen Co" is the seller whose Telegram is
 *    sglumenco (sellers register their shop name as their id, and write it spaced as a display name).
 * Latin stems are not compared with ids, only whole names: facelab89 is a stranger's id beside the shop "FaceLab".
 */

// Mail providers and site builders: a domain label everyone's address or page shares.
const SHARED_DOMAINS = new Set([
  'gmail',
  'googlemail',
  'outlook',
  'hotmail',
  'yahoo',
  'icloud',
  'proton',
  'protonmail',
  'foxmail',
  'aliyun',
  'mailbox',
  'yandex',
  'tutanota',
  'fastmail',
  'wixsite',
  'wordpress',
  'blogspot',
  'github',
  'linktr',
  'notion',
  'shopify',
  'taobao',
  'weidian',
  'xianyu',
  'goofish',
  'pinduoduo',
]);

const FIRST_PIECE = /^([a-z]{4,})[_-]/;
const LETTERS = /^[a-z]{4,}$/;

/** The brand parts of a handle, as name keys compare them. */
export function handleBrands(h: ContactHandle): string[] {
  const value = h.key.slice(h.key.indexOf(':') + 1);
  if (h.kind === 'email' || h.kind === 'url') {
    const host = h.kind === 'email' ? value.slice(value.indexOf('@') + 1) : value.split(/[/?]/)[0]!;
    const labels = host.split('.');
    const label = labels.length >= 2 ? labels[labels.length - 2]!.replace(/-/g, '') : '';
    return label.length >= 6 && !SHARED_DOMAINS.has(label) ? [`domain:${label}`] : [];
  }
  if (!isAppId(h)) return [];
  const out: string[] = [];
  const first = FIRST_PIECE.exec(value)?.[1];
  if (first !== undefined) out.push(`pinyin:${first}`);
  const whole = value.replace(/[_-]/g, '');
  if (whole !== first && LETTERS.test(whole)) out.push(`pinyin:${whole}`);
  out.push(`id:${value.replace(/[_.-]/g, '')}`);
  return out;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * A Latin display name squeezed to one id ("SG Lumen Co" → sglumenco), when it is long and varied
 * enough to be one seller's (6-32 letters and digits, 3+ distinct, starting with a letter) and is
 * not an app or role word ("Admin", "Telegram"). Names with Han or other letters give none.
 */
function squeezedName(seller: string): string | null {
  const folded = foldText(seller)
    .trim()
    .replace(/^(?:u\/|@)/, '');
  if (!/^[a-z0-9\s_.\-·|]+$/.test(folded)) return null;
  const id = folded.replace(/[\s_.\-·|]/g, '');
  return /^[a-z][a-z0-9]{5,31}$/.test(id) && new Set(id).size >= 3 && !GENERIC_WORDS.has(id) ? id : null;
}

/** The keys a display name is compared to handles by: its Latin stems as domains, its Han stems' pinyin as ids. */
export function nameBrands(seller: string | null | undefined): string[] {
  const out = new Set<string>();
  const whole = seller ? squeezedName(seller) : null;
  if (whole !== null) out.add(`id:${whole}`);
  for (const stem of nameStems(seller)) {
    if (!HAN_ONLY.test(stem)) {
      if (/^[a-z]+$/.test(stem)) out.add(`domain:${stem}`);
      continue;
    }
    const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true });
    out.add(`pinyin:${syllables.join('')}`);
    if (syllables.length >= 5) out.add(`pinyin:${syllables.map((s) => s.slice(0, 1)).join('')}`);
  }
  return [...out];
}

export interface NameHandleLink {
  /** The listing whose name spells the handle, and the listing giving the handle. */
  readonly a: number;
  readonly b: number;
  readonly name: string;
  readonly handle: string;
}

/** Name groups and handle holders compared cluster by cluster, at most this many of each. */
const GROUP_CLUSTERS = 12;

/**
 * `live[i]`: listing i's handles that still link (no hubs); `accountOf[i]`: site + seller name;
 * `sellerOf[i]`: who the hub cap counts; `union`: the vetoed union of link-order.ts.
 */
export function nameHandleLinks(input: {
  readonly sellers: ReadonlyArray<string | null | undefined>;
  readonly accountOf: ReadonlyArray<string | undefined>;
  readonly sellerOf: readonly string[];
  readonly live: readonly (readonly ContactHandle[])[];
  readonly find: (i: number) => number;
  readonly union: (a: number, b: number) => boolean;
  readonly hubCap: number;
}): NameHandleLink[] {
  // Names first (most give no key: a short or Latin-with-digits name), then only the handles that may match one.
  const named = new Map<string, number[]>();
  const brandsOf = new Map<string, string[]>();
  input.sellers.forEach((seller, i) => {
    if (input.accountOf[i] === undefined) return;
    let keys = brandsOf.get(seller!);
    if (keys === undefined) brandsOf.set(seller!, (keys = nameBrands(seller)));
    for (const key of keys) push(named, key, i);
  });
  if (named.size === 0) return [];
  const held = new Map<string, Array<{ at: number; handle: string }>>();
  input.live.forEach((hs, i) => {
    for (const h of hs) for (const key of handleBrands(h)) if (named.has(key)) push(held, key, { at: i, handle: h.key });
  });
  const links: NameHandleLink[] = [];
  for (const [key, names] of named) {
    const holders = held.get(key);
    if (holders === undefined) continue;
    if (new Set(names.map((i) => input.accountOf[i])).size > input.hubCap) continue;
    if (new Set(holders.map((h) => input.sellerOf[h.at])).size > input.hubCap) continue;
    const nameReps = firstPerCluster(names, input.find);
    const holderReps = firstPerCluster(
      holders.map((h) => h.at),
      input.find,
    );
    if (nameReps.length > GROUP_CLUSTERS || holderReps.length > GROUP_CLUSTERS) continue;
    for (const a of nameReps)
      for (const b of holderReps) if (input.union(a, b)) links.push({ a, b, name: input.sellers[a]!, handle: holders.find((h) => h.at === b)!.handle });
  }
  return links;
}

function firstPerCluster(at: readonly number[], find: (i: number) => number): number[] {
  const first = new Map<number, number>();
  for (const i of at) if (!first.has(find(i))) first.set(find(i), i);
  return [...first.values()];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
