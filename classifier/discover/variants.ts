import { pinyin } from 'pinyin-pro';
import { HomophoneMatcher } from '../lexicon/homophone-matcher.js';
import { PhraseMatcher } from '../lexicon/phrase-matcher.js';
import { stemWord } from '../model/stem.js';
import { normalize, type EmojiWords } from '../normalize/normalize.js';
import { halfPinyinParts, halfSpelled, inflections, readsAs, shortForms, type HalfPinyin } from './spelling-forms.js';
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

/**
 * A Latin unit run together with its last word in the singular: sellers write a two-word term apart,
 * hyphenated or as one word (cam plugs, camplug; wind-ups, windups), in either number (understudies,
 * understudy; spindles, spindle), and spellings of one term differ by that alone. Not stems:
 * a stem joins words of their own (pressings and press, players and play).
 */
export function singular(key: string): string {
  const joined = key.replace(/[\s-]+/g, '');
  // -ies is the plural of -y (understudies) or of -ie, which is also how the compact view spells -le
  // (l folded to i: spindles, spindle): all three meet at -y.
  if (joined.endsWith('ies') && joined.length > 4) return `${joined.slice(0, -3)}y`;
  if (joined.endsWith('ie') && joined.length > 3) return `${joined.slice(0, -2)}y`;
  if (/(ss|x|ch|sh)es$/.test(joined)) return joined.slice(0, -2);
  return joined.endsWith('s') && !joined.endsWith('ss') && joined.length > 3 ? joined.slice(0, -1) : joined;
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

/**
 * Whether a unit written half in pinyin (lao桩, 复活ka) is the Chinese unit written whole (老桩, 复活卡):
 * its Chinese part, and characters that read as its pinyin in the pinyin's place.
 */
function isHalfSpellingOf(mixed: string, han: string): boolean {
  const parts = halfPinyinParts(mixed);
  if (!parts || !HAN_ONLY.test(han) || han.length <= parts.han.length) return false;
  const rest = parts.latinFirst ? han.slice(0, -parts.han.length) : han.slice(parts.han.length);
  const same = parts.latinFirst ? han.endsWith(parts.han) : han.startsWith(parts.han);
  return same && readsAs(rest, parts.latin);
}

/**
 * Whether `other` is another spelling of `head`: the same sound, its pinyin or initials, or the one
 * half in pinyin and the other whole (lao桩, 老桩), so a term's spellings pool their support.
 */
export function isSpellingOf(head: Tally, other: Tally): boolean {
  if (head.kind === 'latin' && other.kind === 'latin') return singular(head.key) === singular(other.key);
  if (head.kind === 'mixed' || other.kind === 'mixed') {
    const [mixed, han] = head.kind === 'mixed' ? [head, other] : [other, head];
    return han.kind === 'han' && isHalfSpellingOf(mixed.key, han.key);
  }
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
  /** A long Chinese term's first characters, matched apart: kept only where they stand for the term in offers (see `shortened`). */
  private readonly shorts = new PhraseMatcher();
  private readonly shortSeen: Map<string, { reached: number; elsewhere: number }>[];
  /** Terms found half in pinyin (lao桩): their Chinese part, looked for with the characters the pinyin reads as (老桩). */
  private readonly halves: { readonly entry: number; readonly parts: HalfPinyin }[] = [];
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
    this.shortSeen = terms.map(() => new Map());
    terms.forEach(({ key, others }, entry) => {
      this.phrases.add(key.replaceAll(' ', ''), { entry, coded: false });
      for (const other of others) this.phrases.add(other.replaceAll(' ', ''), { entry, coded: true });
      const s = soundOf(key);
      if (!s) {
        for (const form of inflections(key)) this.phrases.add(form.replaceAll(' ', ''), { entry, coded: true });
        const parts = halfPinyinParts(key);
        if (parts) this.halves.push({ entry, parts });
        return;
      }
      this.sounds.add(key, { entry, coded: true });
      this.phrases.add(s.joined, { entry, coded: true });
      if (s.initials.length >= 2) this.phrases.add(s.initials, { entry, coded: true });
      for (const form of halfSpelled(key)) this.phrases.add(form, { entry, coded: true });
      for (const form of shortForms(key)) this.shorts.add(form, { entry, coded: true });
    });
  }

  /**
   * One field; `where`: the listing reads as an offer (offer-like) or at least has a price (forSale), and
   * the classifier flagged it or sent it to review (reached).
   */
  scan(text: string, where: { forSale: boolean; offerLike: boolean; reached: boolean }): void {
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
    const whole: { entry: number; start: number; end: number }[] = [];
    this.phrases.match(nt.text, (h) => {
      whole.push(h);
      record(h);
    });
    this.sounds.match(nt.text, record);
    for (const h of this.halves) for (const at of this.wholeSpellings(nt.text, h.parts)) record({ entry: h.entry, coded: true, ...at });
    this.shorts.match(nt.text, (h) => {
      // Inside the whole term (雙黃 in 雙黃蓮蓉) it is the term, not its short form.
      if (whole.some((w) => w.entry === h.entry && w.start <= h.start && w.end > h.end)) return;
      const seen = this.shortSeen[h.entry]!;
      const form = nt.text.slice(h.start, h.end);
      const counts = seen.get(form) ?? { reached: 0, elsewhere: 0 };
      if (where.reached) counts.reached++;
      else counts.elsewhere++;
      seen.set(form, counts);
    });
  }

  /** Where a half-pinyin term stands written whole: its Chinese part with one to three characters that read as its pinyin (老桩 for lao桩). */
  private wholeSpellings(text: string, { han, latin, latinFirst }: HalfPinyin): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    for (let at = text.indexOf(han); at >= 0; at = text.indexOf(han, at + 1)) {
      for (let k = 1; k <= 3; k++) {
        const [start, end] = latinFirst ? [at - k, at + han.length] : [at, at + han.length + k];
        if (start < 0 || end > text.length) break;
        const chars = latinFirst ? text.slice(start, at) : text.slice(at + han.length, end);
        if (readsAs(chars, latin)) out.push({ start, end });
      }
    }
    return out;
  }

  /**
   * Per term: the short forms that stand for it (雙黃 for 雙黃蓮蓉, 凍檸 for 凍檸茶), as normalized:
   * seen on their own in a listing the classifier flagged or sent to review, and not more often in
   * others. Most clipped forms are words of their own (素顏 of 素顏集 sells face cream, 跑腿 of 跑腿脸 is
   * the errand services' word), and an unflagged listing read as an offer is too often one of those.
   */
  shortened(entry: number): [string, number][] {
    return [...this.shortSeen[entry]!].filter(([, c]) => c.reached > 0 && c.reached >= c.elsewhere).map(([form, c]) => [form, c.reached]);
  }
}
