import { pinyin } from 'pinyin-pro';
import { isHanCode } from '../../text/index.js';
import type { PhraseHit, PhraseRef } from './phrase-matcher.js';

/**
 * Finds Chinese phrases written with other characters of the same sound (深份证, 身份正 for 身份证;
 * 人联 for 人脸). Phrases of three or more syllables also match near-homophones (zh/z, ch/c, sh/s,
 * -ng/-n), because sellers type whichever candidate the IME offers; two-syllable phrases need the
 * exact sound, since near-sounds of short words are everywhere.
 */
interface SoundPhrase extends PhraseRef {
  readonly form: string;
  /** Syllable ids (see syllableId): exact, or near-homophone-folded when `fuzzy`. */
  readonly sounds: Int32Array;
  readonly fuzzy: boolean;
}

/** A character's toneless readings (every reading of a heteronym), plain and near-homophone-folded. */
interface CharSounds {
  readonly exact: Int32Array;
  readonly fuzzy: Int32Array;
  /** Distinct index keys to look up: exact and folded readings. */
  readonly keys: readonly string[];
}

// Syllables as small integers: matching compares numbers, not strings, at every character of a text.
const syllableIds = new Map<string, number>();
function syllableId(s: string): number {
  let id = syllableIds.get(s);
  if (id === undefined) syllableIds.set(s, (id = syllableIds.size));
  return id;
}
const idsOf = (syllables: readonly string[]) => Int32Array.from(syllables, syllableId);

// By UTF-16 code unit (Han characters are all in the BMP): an array slot, no hashing per character of a text.
const soundsCache = new Array<CharSounds | undefined>(0x10000);

function soundsOf(code: number): CharSounds {
  let r = soundsCache[code];
  if (r === undefined) {
    const exact = pinyin(String.fromCharCode(code), { toneType: 'none', type: 'array', multiple: true, v: true });
    const fuzzy = exact.map(fuzzySound);
    r = { exact: idsOf(exact), fuzzy: idsOf(fuzzy), keys: [...new Set([...exact, ...fuzzy])] };
    soundsCache[code] = r;
  }
  return r;
}

/** Folds a syllable to its near-homophone class. */
export function fuzzySound(s: string): string {
  return s
    .replace(/^([zcs])h/, '$1')
    .replace(/ng$/, 'n')
    .replace(/^l(?=[^i])/, 'n');
}

/**
 * The phrases a character may start, with an index by the sound of their second character: most
 * candidates fail there, so a text position looks only at those whose second sound is there.
 * `rank` is a phrase's place in `list`: hits keep the order of the list whatever index found them.
 */
interface Candidates {
  readonly list: readonly SoundPhrase[];
  /** Ranks of one-character phrases (no second sound to index by). */
  readonly single: readonly number[];
  /** Second syllable id → ranks, for exact phrases (compared with exact readings) and fuzzy ones. */
  readonly exactNext: ReadonlyMap<number, readonly number[]>;
  readonly fuzzyNext: ReadonlyMap<number, readonly number[]>;
}

function indexCandidates(list: readonly SoundPhrase[]): Candidates {
  const single: number[] = [];
  const exactNext = new Map<number, number[]>();
  const fuzzyNext = new Map<number, number[]>();
  list.forEach((phrase, rank) => {
    if (phrase.sounds.length < 2) {
      single.push(rank);
      return;
    }
    const next = phrase.fuzzy ? fuzzyNext : exactNext;
    const id = phrase.sounds[1]!;
    const ranks = next.get(id);
    if (ranks) ranks.push(rank);
    else next.set(id, [rank]);
  });
  return { list, single, exactNext, fuzzyNext };
}

export class HomophoneMatcher {
  private readonly byFirstSound = new Map<string, SoundPhrase[]>();
  // The phrases a character may start (those under any of its readings), worked out once per character.
  // By UTF-16 code unit, like the sounds; null where a character starts no phrase. Made at the first
  // match after the last add: a table per add would cost the lexicon build a second.
  private candidatesOf: (Candidates | null | undefined)[] | null = null;
  // Ranks of the candidates that pass the second character, reused from position to position.
  private ranks = new Int32Array(64);

  /** `form` is a phrase of Han characters only (checked by the caller). */
  add(form: string, ref: PhraseRef): void {
    const sounds = pinyin(form, { toneType: 'none', type: 'array', v: true });
    const fuzzy = sounds.length >= 3;
    const syllables = fuzzy ? sounds.map(fuzzySound) : sounds;
    const key = syllables[0]!;
    const phrase: SoundPhrase = { entry: ref.entry, coded: ref.coded, form, sounds: idsOf(syllables), fuzzy };
    const list = this.byFirstSound.get(key) ?? [];
    list.push(phrase);
    this.byFirstSound.set(key, list);
    this.candidatesOf = null;
  }

  match(text: string, onHit: (hit: PhraseHit) => void): void {
    const n = text.length;
    for (let p = 0; p < n; p++) {
      const code = text.charCodeAt(p);
      if (!isHanCode(code)) continue;
      const candidates = this.candidates(code);
      // Most characters start no phrase under any reading: nothing more to look up.
      if (candidates === null) continue;
      // A phrase of two or more characters needs its second sound at p + 1: only those are tried, in list order.
      let count = this.collect(candidates.single, 0);
      const next = p + 1 < n ? text.charCodeAt(p + 1) : 0;
      if (isHanCode(next)) {
        const second = soundsOf(next);
        count = this.collectNext(candidates.exactNext, second.exact, count);
        count = this.collectNext(candidates.fuzzyNext, second.fuzzy, count);
      }
      if (count === 0) continue;
      const ranks = this.ranks;
      // Insertion sort: a handful of ranks, in a typed buffer (no comparator calls, no array resized per position).
      for (let i = 1; i < count; i++) {
        const r = ranks[i]!;
        let j = i - 1;
        for (; j >= 0 && ranks[j]! > r; j--) ranks[j + 1] = ranks[j]!;
        ranks[j + 1] = r;
      }
      for (let i = 0; i < count; i++) {
        // A reading repeated (two tones of one syllable) finds a phrase twice; it is tried once.
        if (i > 0 && ranks[i] === ranks[i - 1]) continue;
        const phrase = candidates.list[ranks[i]!]!;
        if (soundsAt(text, p, phrase)) onHit({ entry: phrase.entry, coded: true, start: p, end: p + phrase.form.length });
      }
    }
  }

  /** Appends ranks to this.ranks[count…]; returns the new count. */
  private collect(found: readonly number[], count: number): number {
    if (count + found.length > this.ranks.length) this.growRanks(count + found.length);
    for (let i = 0; i < found.length; i++) this.ranks[count++] = found[i]!;
    return count;
  }

  /** Appends the ranks indexed under each of the readings; returns the new count. */
  private collectNext(next: ReadonlyMap<number, readonly number[]>, readings: Int32Array, count: number): number {
    if (next.size === 0) return count;
    for (let i = 0; i < readings.length; i++) {
      const found = next.get(readings[i]!);
      if (found !== undefined) count = this.collect(found, count);
    }
    return count;
  }

  private growRanks(size: number): void {
    const grown = new Int32Array(Math.max(size, this.ranks.length * 2));
    grown.set(this.ranks);
    this.ranks = grown;
  }

  /**
   * The phrases a character may start, null for none. Each phrase is indexed under one key and a
   * character's keys are distinct, so no phrase comes twice.
   */
  private candidates(code: number): Candidates | null {
    const table = (this.candidatesOf ??= new Array<Candidates | null | undefined>(0x10000));
    let candidates = table[code];
    if (candidates === undefined) {
      const list = soundsOf(code).keys.flatMap((key) => this.byFirstSound.get(key) ?? []);
      candidates = list.length === 0 ? null : indexCandidates(list);
      table[code] = candidates;
    }
    return candidates;
  }
}

function soundsAt(text: string, p: number, phrase: SoundPhrase): boolean {
  const target = phrase.sounds;
  if (p + target.length > text.length) return false;
  for (let k = 0; k < target.length; k++) {
    const code = text.charCodeAt(p + k);
    if (!isHanCode(code)) return false;
    const own = soundsOf(code);
    if (!hasSyllable(phrase.fuzzy ? own.fuzzy : own.exact, target[k]!)) return false;
  }
  // The plain spelling is the phrase matcher's job; a hit here means some character was swapped.
  return !text.startsWith(phrase.form, p);
}

function hasSyllable(readings: Int32Array, id: number): boolean {
  for (let i = 0; i < readings.length; i++) if (readings[i] === id) return true;
  return false;
}
