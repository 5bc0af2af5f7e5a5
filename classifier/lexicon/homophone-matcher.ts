import { pinyin } from 'pinyin-pro';
import { isHanCode } from '../normalize/char-fold.js';
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

const readingsCache = new Map<string, readonly string[]>();

/** Toneless readings of one Han character, every reading of a heteronym. */
function readingsOf(ch: string): readonly string[] {
  let r = readingsCache.get(ch);
  if (r === undefined) {
    r = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
    readingsCache.set(ch, r);
  }
  return r;
}

/** Folds a syllable to its near-homophone class. */
export function fuzzySound(s: string): string {
  return s.replace(/^([zcs])h/, '$1').replace(/ng$/, 'n').replace(/^l(?=[^i])/, 'n');
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
    for (let p = 0; p < text.length; p++) {
      if (!isHanCode(text.charCodeAt(p))) continue;
      const seen = new Set<SoundPhrase>();
      for (const reading of readingsOf(text[p]!)) {
        for (const key of reading === fuzzySound(reading) ? [reading] : [reading, fuzzySound(reading)]) {
          for (const phrase of this.byFirstSound.get(key) ?? []) {
            if (seen.has(phrase)) continue;
            seen.add(phrase);
            if (this.soundsAt(text, p, phrase)) onHit({ entry: phrase.entry, coded: true, start: p, end: p + phrase.form.length });
          }
        }
      }
    }
  }

  private soundsAt(text: string, p: number, phrase: SoundPhrase): boolean {
    const { sounds, form } = phrase;
    if (p + sounds.length > text.length) return false;
    // The plain spelling is the phrase matcher's job; a hit here means some character was swapped.
    if (text.startsWith(form, p)) return false;
    for (let k = 0; k < sounds.length; k++) {
      const ch = text[p + k]!;
      if (!isHanCode(ch.charCodeAt(0))) return false;
      const readings = readingsOf(ch);
      if (!readings.some((r) => (phrase.fuzzy ? fuzzySound(r) : r) === sounds[k])) return false;
    }
    return true;
  }
}
