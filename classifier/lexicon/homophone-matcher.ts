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
  readonly sounds: readonly string[];
  readonly fuzzy: boolean;
}

/** A character's toneless readings (every reading of a heteronym), plain and near-homophone-folded. */
interface CharSounds {
  readonly exact: readonly string[];
  readonly fuzzy: readonly string[];
  /** Distinct index keys to look up: exact and folded readings. */
  readonly keys: readonly string[];
}

const soundsCache = new Map<string, CharSounds>();

function soundsOf(ch: string): CharSounds {
  let r = soundsCache.get(ch);
  if (r === undefined) {
    const exact = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
    const fuzzy = exact.map(fuzzySound);
    r = { exact, fuzzy, keys: [...new Set([...exact, ...fuzzy])] };
    soundsCache.set(ch, r);
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

  /** `form` is a phrase of Han characters only (checked by the caller). */
  add(form: string, ref: PhraseRef): void {
    const sounds = pinyin(form, { toneType: 'none', type: 'array', v: true });
    const fuzzy = sounds.length >= 3;
    const phrase: SoundPhrase = { ...ref, form, sounds: fuzzy ? sounds.map(fuzzySound) : sounds, fuzzy };
    const key = phrase.sounds[0]!;
    const list = this.byFirstSound.get(key) ?? [];
    list.push(phrase);
    this.byFirstSound.set(key, list);
  }

  match(text: string, onHit: (hit: PhraseHit) => void): void {
    // Sounds of each Han character, looked up once per text (null elsewhere).
    let sounds: (CharSounds | null)[] | null = null;
    for (let p = 0; p < text.length; p++) {
      if (!isHanCode(text.charCodeAt(p))) continue;
      sounds ??= Array.from(text, (ch) => (isHanCode(ch.charCodeAt(0)) ? soundsOf(ch) : null));
      // Each phrase is indexed under one key and a character's keys are distinct, so no phrase is tried twice.
      for (const key of sounds[p]!.keys) {
        const list = this.byFirstSound.get(key);
        if (list === undefined) continue;
        for (const phrase of list) {
          if (soundsAt(text, sounds, p, phrase)) onHit({ entry: phrase.entry, coded: true, start: p, end: p + phrase.form.length });
        }
      }
    }
  }
}

function soundsAt(text: string, sounds: readonly (CharSounds | null)[], p: number, phrase: SoundPhrase): boolean {
  const target = phrase.sounds;
  if (p + target.length > text.length) return false;
  for (let k = 0; k < target.length; k++) {
    const own = sounds[p + k];
    if (!own || !(phrase.fuzzy ? own.fuzzy : own.exact).includes(target[k]!)) return false;
  }
  // The plain spelling is the phrase matcher's job; a hit here means some character was swapped.
  return !text.startsWith(phrase.form, p);
}
