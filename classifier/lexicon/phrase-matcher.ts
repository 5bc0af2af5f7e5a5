import { isLatinOrDigitCode } from '../../text/index.js';

/**
 * Finds many phrases in a compact text in one pass. Phrases are indexed by first character; spaces
 * in the text are skipped while matching, so "selfie with id", "selfiewithid" and "人脸 四件套" all
 * meet their phrase. A phrase that starts or ends with a Latin letter must start or end a Latin word.
 */
export interface PhraseRef {
  /** Index into the lexicon's entries. */
  readonly entry: number;
  /** The phrase is an evasive spelling (pinyin, initials, code) rather than the plain word. */
  readonly coded: boolean;
}

interface Phrase extends PhraseRef {
  readonly chars: string;
  readonly latinEnd: boolean;
}

export interface PhraseHit extends PhraseRef {
  /** Compact-text range [start, end). */
  readonly start: number;
  readonly end: number;
}

// Phrases indexed by their first two characters (spaces aside); one-character phrases under the first alone.
// Keys are UTF-16 code units: a number key costs no one-character string per position of the text.
export class PhraseMatcher {
  private readonly byFirst = new Map<number, { single: Phrase[]; bySecond: Map<number, Phrase[]> }>();
  // Most characters start no phrase; a flag per UTF-16 unit skips them without a Map lookup.
  private readonly startsPhrase = new Uint8Array(0x10000);

  /** `chars` must already be in compact form without spaces (see compileForm). */
  add(chars: string, ref: PhraseRef): void {
    if (chars.length === 0) return;
    const first = chars.charCodeAt(0);
    let slot = this.byFirst.get(first);
    if (!slot) this.byFirst.set(first, (slot = { single: [], bySecond: new Map() }));
    const phrase = { ...ref, chars, latinEnd: isLatinOrDigitCode(chars.charCodeAt(chars.length - 1)) };
    if (chars.length === 1) {
      slot.single.push(phrase);
      return void (this.startsPhrase[first] = 1);
    }
    const second = chars.charCodeAt(1);
    const list = slot.bySecond.get(second) ?? [];
    list.push(phrase);
    list.sort((a, b) => b.chars.length - a.chars.length);
    slot.bySecond.set(second, list);
    this.startsPhrase[first] = 1;
  }

  match(text: string, onHit: (hit: PhraseHit) => void): void {
    const n = text.length;
    for (let p = 0; p < n; p++) {
      const c = text.charCodeAt(p);
      if (this.startsPhrase[c] === 0) continue;
      const slot = this.byFirst.get(c);
      if (slot === undefined) continue;
      if (isLatinOrDigitCode(c) && p > 0 && isLatinOrDigitCode(text.charCodeAt(p - 1))) continue;
      let q = p + 1;
      while (q < n && text.charCodeAt(q) === 0x20) q++;
      const longer = q < n ? slot.bySecond.get(text.charCodeAt(q)) : undefined;
      if (longer !== undefined) matchList(text, p, longer, onHit);
      matchList(text, p, slot.single, onHit);
    }
  }

  get size(): number {
    let n = 0;
    for (const slot of this.byFirst.values()) {
      n += slot.single.length;
      for (const list of slot.bySecond.values()) n += list.length;
    }
    return n;
  }
}

function matchList(text: string, p: number, list: readonly Phrase[], onHit: (hit: PhraseHit) => void): void {
  for (let i = 0; i < list.length; i++) {
    const phrase = list[i]!;
    const end = matchAt(text, p, phrase.chars);
    if (end < 0) continue;
    if (phrase.latinEnd && end < text.length && isLatinOrDigitCode(text.charCodeAt(end))) continue;
    onHit({ entry: phrase.entry, coded: phrase.coded, start: p, end });
  }
}

/** End of `chars` matched at `p` (spaces in text skipped), or -1. */
function matchAt(text: string, p: number, chars: string): number {
  let q = p;
  for (let k = 0; k < chars.length;) {
    if (q >= text.length) return -1;
    const t = text.charCodeAt(q);
    if (t === 0x20) {
      q++;
      continue;
    }
    if (t !== chars.charCodeAt(k)) return -1;
    k++;
    q++;
  }
  return q;
}
