import type { CorpusItem } from '../corpus/schema.js';
import type { AttackPool } from './pool.js';

/**
 * The ways a seller pads or disguises an illicit listing without changing what it sells. Each
 * returns a copy of the listing under attack; the label stays (a cover does not change the product).
 */
export const ATTACK_KINDS = ['cover', 'title-tag', 'negated-cover', 'shop-padding', 'lorem', 'repeat', 'noise'] as const;
export type AttackKind = (typeof ATTACK_KINDS)[number];
/**
 * What training adds to a benign listing, which stays benign: a cover or tag sentence as well as bulk,
 * so the borrowed contexts' words are seen on both sides and weigh as little as they say. Only the
 * negated cover ("not bedding, you know") is a seller's wink. On the tuning proxy (five groups, dev
 * attacks, with the training pool grown to 415 covers and four attack copies per positive) this took
 * F1 0.9451 → 0.9510 and false positives 66 → 56.
 */
export const NEGATIVE_ATTACKS: readonly AttackKind[] = ATTACK_KINDS.filter((k) => k !== 'negated-cover');

type Rand = () => number;
const pick = <T>(items: readonly T[], rand: Rand): T => items[Math.floor(rand() * items.length)]!;

/** Lines of the listing's language (mixed listings take either). */
function inLanguage<T extends { lang: string }>(lines: readonly T[], item: CorpusItem, rand: Rand): T {
  const want = item.lang === 'en' ? 'en' : item.lang === 'mix' ? (rand() < 0.5 ? 'en' : 'zh') : 'zh';
  const matching = lines.filter((l) => l.lang === want);
  return pick(matching.length ? matching : lines, rand);
}

const LOREM = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'.split(' ');

function lorem(rand: Rand): string {
  const lines: string[] = [];
  for (let i = 0; i < 10; i++) {
    const n = 5 + Math.floor(rand() * 6);
    const at = Math.floor(rand() * (LOREM.length - n));
    lines.push(LOREM.slice(at, at + n).join(' '));
  }
  return lines.join('. ');
}

function noise(rand: Rand): string {
  const hex = () =>
    Math.floor(rand() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  const parts = [
    `function f${hex().slice(0, 3)}(a,b){return a*${digits(2)}+b;}`,
    `var cfg={"id":"${hex()}","ts":${digits(10)},"v":[${digits(3)},${digits(2)},${digits(4)}]};`,
    `${hex()}${hex()}-${digits(6)} #${digits(8)}`,
    `if(window.__x_${hex().slice(0, 4)}){document.cookie="s=${hex()}";}`,
    `${digits(4)} ${digits(7)} ${digits(5)} ${digits(3)}`,
  ];
  return parts.sort(() => rand() - 0.5).join('\n');
}

const join = (a: string | undefined, b: string, sep: string, before: boolean) =>
  a === undefined || a === '' ? b : before ? `${b}${sep}${a}` : `${a}${sep}${b}`;

/** The listing with one attack applied; deterministic for a given `rand`. */
export function applyAttack(item: CorpusItem, kind: AttackKind, pool: AttackPool, rand: Rand): CorpusItem {
  const id = `${item.id}~${kind}`;
  const sep = item.lang === 'en' ? ' ' : '';
  switch (kind) {
    case 'cover': {
      const text = inLanguage(pool.covers, item, rand).text;
      if (item.description === undefined) return { ...item, id, title: join(item.title, text, ' ', false) };
      return { ...item, id, description: join(item.description, text, item.lang === 'en' ? ' ' : '\n', rand() < 0.5) };
    }
    case 'title-tag': {
      const tag = inLanguage(pool.titleTags, item, rand).text;
      if (item.title === undefined) return { ...item, id, description: join(item.description, tag, ' ', true) };
      return { ...item, id, title: `${tag}${sep}${item.title}` };
    }
    case 'negated-cover': {
      const text = inLanguage(pool.negatedCovers, item, rand).text;
      if (item.description === undefined || rand() < 0.4) return { ...item, id, title: join(item.title, text, ' ', false) };
      return { ...item, id, description: join(item.description, text, ' ', rand() < 0.5) };
    }
    case 'shop-padding': {
      const lines = Array.from({ length: 5 }, () => inLanguage(pool.padding, item, rand).text);
      return { ...item, id, description: join(item.description, lines.join(sep === '' ? '' : ' '), '\n', rand() < 0.3) };
    }
    case 'lorem':
      return { ...item, id, description: join(item.description, lorem(rand), '\n', false) };
    case 'repeat': {
      const line = item.description ?? item.title ?? '';
      return { ...item, id, description: Array.from({ length: 10 }, () => line).join('\n') };
    }
    case 'noise':
      return { ...item, id, description: join(item.description, noise(rand), '\n', false) };
  }
}
