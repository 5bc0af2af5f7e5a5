import * as OpenCC from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';
import { isHanCode } from '../../text/index.js';
import type { CorpusItem } from './schema.js';

/**
 * Programmatic obfuscation of training listings, the way sellers disguise words. Applied to the
 * training split only. Positives get every disguise; negatives only what honest sellers also do
 * (traditional characters, full-width letters, spacing), so disguise itself stays a signal.
 */
type Rand = () => number;
type Transform = (s: string, rand: Rand, homophones: Homophones) => string;

// Built on first use: its dictionaries cost start-up time of every command that only classifies.
let toTraditional: ((s: string) => string) | undefined;
const SEPARATORS = ['.', ' ', '/', '*', '-', '|', '_', '、', '·', '~'];
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const LEET: Record<string, string> = { e: '3', i: '1', o: '0', a: '4', s: '5', t: '7', l: '1' };
const EMOJI: ReadonlyArray<readonly [RegExp, string]> = [
  [/身份证|id card|\bid\b/gi, '🪪'],
  [/自拍|selfie/gi, '🤳'],
  [/人脸|face/gi, '👤'],
  [/银行卡|bank card/gi, '💳'],
];

const pick = <T>(items: readonly T[], rand: Rand): T => items[Math.floor(rand() * items.length)]!;

/** A run of Han characters in s: [start, end). */
function hanRun(s: string, rand: Rand, minLen: number): [number, number] | null {
  const runs: [number, number][] = [];
  for (let i = 0; i < s.length;) {
    if (!isHanCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && isHanCode(s.charCodeAt(j))) j++;
    if (j - i >= minLen) runs.push([i, j]);
    i = j;
  }
  return runs.length ? pick(runs, rand) : null;
}

const splitHan: Transform = (s, rand) => {
  const run = hanRun(s, rand, 3);
  if (!run) return s;
  const at = run[0] + Math.floor(rand() * (run[1] - run[0] - 2));
  const sep = pick(SEPARATORS, rand);
  return s.slice(0, at) + [...s.slice(at, at + 3)].join(sep) + s.slice(at + 3);
};

const invisible: Transform = (s, rand) => {
  const chars = [...s];
  const n = 1 + Math.floor(rand() * 4);
  for (let k = 0; k < n; k++) chars.splice(1 + Math.floor(rand() * Math.max(1, chars.length - 1)), 0, pick(INVISIBLES, rand));
  return chars.join('');
};

const homophone: Transform = (s, rand, homophones) => {
  const chars = [...s];
  const idx = chars.map((c, i) => (homophones.has(c) ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < Math.min(2, idx.length); k++) {
    const i = pick(idx, rand);
    chars[i] = pick(homophones.get(chars[i]!)!, rand);
  }
  return chars.join('');
};

const pinyinWord: Transform = (s, rand) => {
  const run = hanRun(s, rand, 2);
  if (!run) return s;
  const len = Math.min(run[1] - run[0], 2 + Math.floor(rand() * 2));
  const word = s.slice(run[0], run[0] + len);
  const initials = rand() < 0.5;
  const py = pinyin(word, { toneType: 'none', type: 'array', pattern: initials ? 'first' : 'pinyin' }).join('');
  return s.slice(0, run[0]) + py + s.slice(run[0] + len);
};

const leet: Transform = (s, rand) =>
  s.replace(/[a-z]{4,}/gi, (w) => (rand() < 0.5 ? w : [...w].map((c) => (rand() < 0.4 ? (LEET[c.toLowerCase()] ?? c) : c)).join('')));

const letterSpace: Transform = (s, rand) => {
  const words = [...s.matchAll(/\b[a-z]{3,6}\b/gi)];
  if (words.length === 0) return s;
  const m = pick(words, rand);
  const sep = pick(['-', ' ', '.', '_'], rand);
  return s.slice(0, m.index) + [...m[0]].join(sep) + s.slice(m.index + m[0].length);
};

const emoji: Transform = (s, rand) => {
  const [re, e] = pick(EMOJI, rand);
  return s.replace(re, e);
};

const traditional: Transform = (s) => (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(s);
const fullWidth: Transform = (s) => s.replace(/[a-z0-9]/gi, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const spacing: Transform = (s, rand) => s.replace(/([，。,.])/g, (m) => (rand() < 0.5 ? ' ' : m));

const DISGUISES: readonly Transform[] = [splitHan, invisible, homophone, pinyinWord, leet, letterSpace, emoji];
const HONEST: readonly Transform[] = [traditional, fullWidth, spacing];

/** Same-sound characters among those the corpus uses: a homophone a seller's IME would offer. */
export type Homophones = ReadonlyMap<string, readonly string[]>;

export function buildHomophones(texts: Iterable<string>): Homophones {
  const bySound = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const t of texts)
    for (const c of t) {
      if (seen.has(c) || !isHanCode(c.charCodeAt(0))) continue;
      seen.add(c);
      const sound = pinyin(c, { toneType: 'none' });
      let set = bySound.get(sound);
      if (!set) bySound.set(sound, (set = new Set()));
      set.add(c);
    }
  const out = new Map<string, string[]>();
  for (const set of bySound.values())
    for (const c of set) {
      const others = [...set].filter((o) => o !== c);
      if (others.length) out.set(c, others);
    }
  return out;
}

export function augmentItem(item: CorpusItem, copies: number, rand: Rand, homophones: Homophones): CorpusItem[] {
  const positive = item.label !== 'benign';
  const out: CorpusItem[] = [];
  for (let n = 0; n < copies; n++) {
    const transforms = positive ? [...DISGUISES, ...HONEST] : HONEST;
    const chosen = [pick(transforms, rand), ...(rand() < 0.5 ? [pick(transforms, rand)] : [])];
    const apply = (s: string | undefined) => (s === undefined ? s : chosen.reduce((acc, t) => t(acc, rand, homophones), s));
    const disguised = chosen.some((t) => DISGUISES.includes(t));
    out.push({ ...item, id: `${item.id}~aug${n}`, title: apply(item.title), description: apply(item.description), evasive: item.evasive || disguised });
  }
  return out;
}

/**
 * A few words cut from a listing: one to three Latin words or one to six Chinese characters. Taught as
 * benign when the rules find nothing in them, so a text with nothing in it ("x", "hi", "Persona", a
 * bare product name) is not an offer, however its n-grams lean.
 */
export function fragmentOf(item: CorpusItem, rand: Rand): CorpusItem | null {
  const text = (rand() < 0.5 ? item.title : item.description) ?? item.title ?? item.description ?? '';
  const words = text.match(/[\p{Script=Han}]|[^\s\p{Script=Han}\p{P}]+/gu) ?? [];
  if (words.length === 0) return null;
  const at = Math.floor(rand() * words.length);
  const han = isHanCode(words[at]!.charCodeAt(0));
  const length = 1 + Math.floor(rand() * (han ? 6 : 3));
  const fragment = words.slice(at, at + length).join(han ? '' : ' ');
  return { id: `${item.id}~frag`, title: fragment, label: 'benign', lang: item.lang, evasive: false, hardNegative: false, newJargon: false };
}
