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

// By UTF-16 code unit (Han characters of the BMP): a number key, no one-character string per lookup.
const soundsCache = new Map<number, CharSounds>();

function soundsOf(code: number): CharSounds {
  let r = soundsCache.get(code);
  if (r === undefined) {
    const exact = pinyin(String.fromCharCode(code), { toneType: 'none', type: 'array', multiple: true, v: true });
    const fuzzy = exact.map(fuzzySound);
    r = { exact: idsOf(exact), fuzzy: idsOf(fuzzy), keys: [...new Set([...exact, ...fuzzy])] };
    soundsCache.set(code, r);
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

export class HomophoneMatcher {
  private readonly byFirstSound = new Map<string, SoundPhrase[]>();
  // The phrases a character may start (those under any of its readings), worked out once per character.
  private readonly candidatesOf = new Map<number, readonly SoundPhrase[]>();

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
    this.candidatesOf.clear();
  }

  match(text: string, onHit: (hit: PhraseHit) => void): void {
    // Sounds of each Han character, by UTF-16 index, looked up once per text (null elsewhere).
    let sounds: (CharSounds | null)[] | null = null;
    for (let p = 0; p < text.length; p++) {
      const code = text.charCodeAt(p);
      if (!isHanCode(code)) continue;
      sounds ??= soundsByIndex(text);
      for (const phrase of this.candidates(code, sounds[p]!)) {
        if (soundsAt(text, sounds, p, phrase)) onHit({ entry: phrase.entry, coded: true, start: p, end: p + phrase.form.length });
      }
    }
  }

  /** Each phrase is indexed under one key and a character's keys are distinct, so no phrase comes twice. */
  private candidates(code: number, own: CharSounds): readonly SoundPhrase[] {
    let list = this.candidatesOf.get(code);
    if (list === undefined) {
      list = own.keys.flatMap((key) => this.byFirstSound.get(key) ?? []);
      this.candidatesOf.set(code, list);
    }
    return list;
  }
}

function soundsByIndex(text: string): (CharSounds | null)[] {
  const sounds = new Array<CharSounds | null>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    sounds[i] = isHanCode(code) ? soundsOf(code) : null;
  }
  return sounds;
}

function soundsAt(text: string, sounds: readonly (CharSounds | null)[], p: number, phrase: SoundPhrase): boolean {
  const target = phrase.sounds;
  if (p + target.length > text.length) return false;
  for (let k = 0; k < target.length; k++) {
    const own = sounds[p + k];
    if (!own || !hasSyllable(phrase.fuzzy ? own.fuzzy : own.exact, target[k]!)) return false;
  }
  // The plain spelling is the phrase matcher's job; a hit here means some character was swapped.
  return !text.startsWith(phrase.form, p);
}

function hasSyllable(readings: Int32Array, id: number): boolean {
  for (let i = 0; i < readings.length; i++) if (readings[i] === id) return true;
  return false;
}
