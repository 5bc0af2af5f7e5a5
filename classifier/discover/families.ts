import type { Tally } from './tally.js';
import { MAX_NGRAM } from './units.js';
import { stems } from './variants.js';

/**
 * One candidate per term, not one per n-gram: of two units where one holds the other (明信 in 明信片,
 * 蓝本 in 蓝本一张), the longer is the term when it carries most of the shorter one's listings (the
 * shorter is a fragment of it), and the shorter is the term otherwise (the longer is the term with
 * the word that happened to stand next to it).
 */

/** The share of the shorter unit's listings the longer must carry to be the term. */
const FRAGMENT_SHARE = 0.6;

/** Whether `inner` sits inside `outer`: characters for Chinese and mixed units, whole words (stemmed: crate in head crates) for Latin phrases. */
export function holds(outer: Tally, inner: Tally): boolean {
  if (outer.kind === 'latin' && inner.kind === 'latin')
    return outer.key.split(' ').length > inner.key.split(' ').length && ` ${stems(outer.key)} `.includes(` ${stems(inner.key)} `);
  if (outer.key.length <= inner.key.length) return false;
  return outer.key.includes(inner.key);
}

/**
 * The units that stay after each pair of nested units has given up its fragment or its padded form.
 * `listingsOf`: a unit's offers, with those of its other spellings where they are counted apart
 * (wind ups and windups hold wind together).
 */
export function dropNested(units: readonly Tally[], listingsOf: (t: Tally) => number = (t) => t.listings): Tally[] {
  const byInner = innerIndex(units);
  const dropped = new Set<Tally>();
  for (const inner of units) {
    for (const outer of byInner.get(inner.key) ?? []) {
      if (!holds(outer, inner)) continue;
      if (listingsOf(outer) >= FRAGMENT_SHARE * listingsOf(inner)) dropped.add(inner);
      else dropped.add(outer);
    }
  }
  return units.filter((u) => !dropped.has(u));
}

/** For each key, the units holding it (indexed by every substring of two characters or more, or every run of words). */
function innerIndex(units: readonly Tally[]): Map<string, Tally[]> {
  const keys = new Set(units.map((u) => u.key));
  const out = new Map<string, Tally[]>();
  const add = (k: string, u: Tally) => {
    if (k === u.key || !keys.has(k)) return;
    const list = out.get(k);
    if (list) list.push(u);
    else out.set(k, [u]);
  };
  for (const u of units) {
    if (u.kind === 'latin') {
      const words = u.key.split(' ');
      for (let a = 0; a < words.length; a++) for (let b = a + 1; b <= words.length; b++) add(words.slice(a, b).join(' '), u);
    } else {
      for (let a = 0; a < u.key.length; a++) for (let b = a + 2; b <= u.key.length; b++) add(u.key.slice(a, b), u);
    }
  }
  return out;
}

/**
 * The pieces of a set phrase longer than an n-gram (要幾多有幾多, "as many as you like"): two
 * four-character units that overlap by three and stand in the very same listings are cut from one
 * longer run of text, never a term of their own (a longer term is a jieba word, a unit of its own).
 */
export function dropRunOns(units: readonly Tally[]): Tally[] {
  const byHead = new Map<string, Tally[]>();
  for (const u of units) {
    if (u.kind !== 'han' || u.key.length !== MAX_NGRAM) continue;
    const head = u.key.slice(0, -1);
    byHead.set(head, [...(byHead.get(head) ?? []), u]);
  }
  const dropped = new Set<Tally>();
  for (const u of units) {
    if (u.kind !== 'han' || u.key.length !== MAX_NGRAM) continue;
    for (const v of byHead.get(u.key.slice(1)) ?? []) {
      if (v !== u && sameListings(u, v)) dropped.add(u).add(v);
    }
  }
  return units.filter((u) => !dropped.has(u));
}

function sameListings(a: Tally, b: Tally): boolean {
  if (a.listings !== b.listings || a.benign !== b.benign || a.examples.length !== b.examples.length) return false;
  const set = new Set(a.examples);
  return b.examples.every((i) => set.has(i));
}
