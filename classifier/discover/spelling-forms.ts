import { pinyin } from 'pinyin-pro';
import { foldLatin } from './stopwords.js';

/** Forms of a term sellers write besides its own spelling, generated to be looked for in the listings (variants.ts). */

const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * The other number of a Latin term (sitter for sitters, plate shot for plate shots): a seller writes
 * both, and an approved term matches only the forms it lists. Only the last word turns.
 */
export function inflections(key: string): string[] {
  if (!/^[a-z][a-z ]*[a-z]$/.test(key)) return [];
  const words = key.split(' ');
  const last = words.at(-1)!;
  if (last.length < 3) return [];
  // A consonant and y takes -ies (understudy, understudies); the compact view's i may be a folded l (folly), so i counts as a consonant.
  // -ies is the plural of -y or of -ie, the compact view's -le (spindles): both are looked for.
  if (last.endsWith('ies')) return [`${last.slice(0, -3)}y`, `${last.slice(0, -1)}`].map((w) => [...words.slice(0, -1), w].join(' '));
  const turned = /[^aeou]y$/.test(last)
    ? `${last.slice(0, -1)}ies`
    : /(ss|x|ch|sh)$/.test(last)
      ? `${last}es`
      : last.endsWith('s')
        ? last.slice(0, -1)
        : `${last}s`;
  return [[...words.slice(0, -1), turned].join(' ')];
}

/**
 * A Chinese term with its tail in pinyin or initials (套wa for 套娃, 复活k for 复活卡), or its head in
 * pinyin (dai钓 for 代钓, wo料 for 窝料): half a swap, as sellers type it to slip past a filter of the
 * whole word. A head is swapped for whole syllables only: one initial glued to a character is too
 * often another word (v脸, q群).
 */
export function halfSpelled(key: string): string[] {
  if (!HAN_ONLY.test(key) || key.length < 2) return [];
  const syl = pinyin(key, { toneType: 'none', type: 'array', v: true }).map(foldLatin);
  const out = new Set<string>();
  for (let k = 1; k < key.length; k++) {
    const rest = syl.slice(k);
    out.add(key.slice(0, k) + rest.join(''));
    out.add(key.slice(0, k) + rest.map((x) => x[0]).join(''));
    out.add(syl.slice(0, k).join('') + key.slice(k));
  }
  return [...out];
}

/**
 * A long Chinese term's leading characters, at least two and at least half of it (凍檸 of 凍檸茶):
 * sellers clip a term their buyers know.
 */
export function shortForms(key: string): string[] {
  if (!HAN_ONLY.test(key) || key.length < 3) return [];
  const out: string[] = [];
  for (let m = Math.max(2, Math.ceil(key.length / 2)); m < key.length; m++) out.push(key.slice(0, m));
  return out;
}

/** A term written half in pinyin (lao桩, 复活ka): its Chinese part, and the pinyin that stands for the rest. */
export interface HalfPinyin {
  readonly han: string;
  readonly latin: string;
  /** The pinyin comes first (lao桩) rather than last (复活ka). */
  readonly latinFirst: boolean;
}

/**
 * The parts of a term discovered in its half-pinyin form (lao桩), so its whole Chinese spelling (老桩)
 * can be looked for: an approved term matches only the forms it lists, and the sellers who half-spell a
 * word write it whole too. Pinyin of two letters at least (one letter is an initial, too many words).
 * Keys are as the compact view spells them (l folded to i: iao桩).
 */
export function halfPinyinParts(key: string): HalfPinyin | null {
  const first = /^([a-z]{2,})(\p{Script=Han}+)$/u.exec(key);
  if (first) return { latin: first[1]!, han: first[2]!, latinFirst: true };
  const last = /^(\p{Script=Han}+)([a-z]{2,})$/u.exec(key);
  return last ? { han: last[1]!, latin: last[2]!, latinFirst: false } : null;
}

/** Whether Chinese characters read as this pinyin (laozhuang, as the compact view folds it). */
export function readsAs(chars: string, latin: string): boolean {
  return HAN_ONLY.test(chars) && pinyin(chars, { toneType: 'none', type: 'array', v: true }).map(foldLatin).join('') === latin;
}
