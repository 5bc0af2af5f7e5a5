/**
 * Whether sellers disguise a term: they respell the words they know are filtered, so a term they also
 * write half in pinyin (套wa, lao桩), in pinyin or initials (lanben, fhk), split by punctuation (企.枱,
 * p.l.a.t.e shots) or with digits for letters (f4ce r0lls) is being hidden from a filter, which the
 * ordinary words around an offer (samples, 工作日, profiles) never are. Plurals, run-together forms,
 * traditional characters and spaces are how anyone writes a word, and say nothing.
 */

const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z]/i;
/** A Chinese term in pinyin or initials: three letters at least, two are too often a word or another code (hi, my, sd). */
const ROMANIZED = /^[a-z]{3,}$/;
/** Chinese characters apart by punctuation (企.枱, 公-仔-紙), not by a space: spaces are how text is laid out. */
const SPLIT_HAN = /\p{Script=Han}[^\p{Script=Han}\p{L}\p{N}\s]+\p{Script=Han}/u;
/** Three single letters apart by dots (p.l.a.t.e, e.p.k). */
const SPLIT_LETTERS = /(?:^|[^a-z])[a-z]\.[a-z]\.[a-z](?![a-z])/i;
/** A digit between letters (f4ce, r0lls, st4rter). */
const LEET = /[a-z][0-9][a-z]/i;

/**
 * `written`: the term's own spellings as sellers wrote them (the same word once normalized); `others`:
 * its other spellings found in listings that sell something (sound-alikes, pinyin, initials, half pinyin).
 */
export function isDisguised(written: Iterable<string>, others: Iterable<string>): boolean {
  const own = [...written];
  const all = [...own, ...others].map((f) => f.toLowerCase());
  if (all.some((f) => HAN.test(f) && LATIN.test(f))) return true;
  if (all.some((f) => HAN.test(f)) && all.some((f) => ROMANIZED.test(f.replaceAll(' ', '')))) return true;
  return own.some((f) => SPLIT_HAN.test(f) || SPLIT_LETTERS.test(f) || LEET.test(f));
}
