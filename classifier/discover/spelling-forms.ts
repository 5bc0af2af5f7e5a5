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
  const turned = last.endsWith('ies')
    ? `${last.slice(0, -3)}y`
    : /(ss|x|ch|sh)$/.test(last)
      ? `${last}es`
      : last.endsWith('s')
        ? last.slice(0, -1)
        : `${last}s`;
  return [[...words.slice(0, -1), turned].join(' ')];
}

/**
 * A Chinese term with its tail in pinyin or initials (套wa for 套娃, 复活k for 复活卡): half a swap,
 * as sellers type it to slip past a filter of the whole word.
 */
export function halfSpelled(key: string): string[] {
  if (!HAN_ONLY.test(key) || key.length < 2) return [];
  const syl = pinyin(key, { toneType: 'none', type: 'array', v: true }).map(foldLatin);
  const out = new Set<string>();
  for (let k = 1; k < key.length; k++) {
    const rest = syl.slice(k);
    out.add(key.slice(0, k) + rest.join(''));
    out.add(key.slice(0, k) + rest.map((x) => x[0]).join(''));
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
