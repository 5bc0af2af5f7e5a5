import { pinyin } from 'pinyin-pro';
import { HomophoneMatcher } from '../lexicon/homophone-matcher.js';
import { PhraseMatcher } from '../lexicon/phrase-matcher.js';
import { stemWord } from '../model/stem.js';
import { normalize, type EmojiWords } from '../normalize/normalize.js';
import { foldLatin } from './stopwords.js';
import type { Tally } from './tally.js';

/**
 * Spellings of one term: sellers write a filtered word by sound (兰本 for 蓝本), in pinyin (lanben) or
 * initials (lb), in traditional characters (藍本) or split (蓝.本). Normalization already folds the
 * last two into the unit's key, so they are found as the seller wrote them; sound-alikes and pinyin
 * are grouped here, first among the candidates, then by one pass over every listing.
 */

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** A Latin phrase word by word in English stems (flipbooks → flipbook, understudies → understudi), so plurals meet. */
export function stems(key: string): string {
  return key.split(' ').map(stemWord).join(' ');
}

interface Sound {
  /** Toneless syllables, space-separated. */
  readonly syllables: string;
  /** Pinyin run together and its initials, as the compact view spells Latin (l folded to i). */
  readonly joined: string;
  readonly initials: string;
}

const soundCache = new Map<string, Sound | null>();

/** The sound of a Chinese unit, or null for other units. */
export function soundOf(key: string): Sound | null {
  let s = soundCache.get(key);
  if (s !== undefined) return s;
  s = null;
  if (HAN_ONLY.test(key)) {
    const syl = pinyin(key, { toneType: 'none', type: 'array', v: true });
    s = { syllables: syl.join(' '), joined: foldLatin(syl.join('')), initials: foldLatin(syl.map((x) => x[0]).join('')) };
  }
  soundCache.set(key, s);
  return s;
}

/** Whether `other` is another spelling of `head`: the same sound, or its pinyin or initials. */
export function isSpellingOf(head: Tally, other: Tally): boolean {
  if (head.kind === 'latin' && other.kind === 'latin') return stems(head.key) === stems(other.key);
  const a = soundOf(head.key);
  const b = soundOf(other.key);
  if (a && b) return a.syllables === b.syllables;
  const [han, latin] = a ? [a, other] : b ? [b, head] : [null, null];
  if (!han || latin.kind !== 'latin') return false;
  const bare = latin.key.replaceAll(' ', '');
  return bare === han.joined || (bare.length >= 2 && bare === han.initials);
}

/** Spellings of each term as written in the listings, found in one pass over their fields. */
export class SpellingScanner {
  private readonly phrases = new PhraseMatcher();
  private readonly sounds = new HomophoneMatcher();
  /** Per term: its own spellings as written (traditional, split, case) → how many times. */
  readonly written: Map<string, number>[];
  /** Per term: other spellings (sound-alikes, pinyin, initials) as written → how many times. */
  readonly others: Map<string, number>[];

  /** Each term by its unit key and the keys of the other spellings grouped with it. */
  constructor(
    terms: readonly { readonly key: string; readonly others: readonly string[] }[],
    private readonly emoji: EmojiWords,
  ) {
    this.written = terms.map(() => new Map());
    this.others = terms.map(() => new Map());
    terms.forEach(({ key, others }, entry) => {
      this.phrases.add(key.replaceAll(' ', ''), { entry, coded: false });
      for (const other of others) this.phrases.add(other.replaceAll(' ', ''), { entry, coded: true });
      const s = soundOf(key);
      if (!s) return;
      this.sounds.add(key, { entry, coded: true });
      this.phrases.add(s.joined, { entry, coded: true });
      if (s.initials.length >= 2) this.phrases.add(s.initials, { entry, coded: true });
    });
  }

  /** One field; `where`: the listing reads as an offer (offer-like) or at least has a price (forSale). */
  scan(text: string, where: { forSale: boolean; offerLike: boolean }): void {
    const nt = normalize(text, this.emoji);
    const han = /\p{Script=Han}/u.test(nt.text);
    const record = (h: { entry: number; coded: boolean; start: number; end: number }) => {
      const spelled = nt.original
        .slice(nt.start[h.start]!, nt.end[h.end - 1]!)
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
      // Another spelling counts only where something is sold: two-syllable sounds are ordinary words
      // (冻干 sounds like 动感) and initials pieces of Latin text (a model number), so initials only in a
      // Chinese listing.
      if (h.coded && (!where.forSale || (/^[a-z]{2,3}$/.test(spelled) && !han))) return;
      // A two-character sound-alike is most often just another word (件宝 ~ 健保): only where an offer is read.
      if (h.coded && h.end - h.start === 2 && HAN_ONLY.test(spelled) && !where.offerLike) return;
      const m = (h.coded ? this.others : this.written)[h.entry]!;
      m.set(spelled, (m.get(spelled) ?? 0) + 1);
    };
    this.phrases.match(nt.text, record);
    this.sounds.match(nt.text, record);
  }
}
