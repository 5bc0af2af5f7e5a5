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
  readonly latinEnd: boolean;
}

export interface PhraseHit extends PhraseRef {
  /** Compact-text range [start, end). */
  readonly start: number;
  readonly end: number;
}

/** A trie node: the phrases that end here (in the order they were added) and the next characters. */
interface TrieNode {
  readonly ends: Phrase[];
  readonly next: Map<number, TrieNode>;
}

const newNode = (): TrieNode => ({ ends: [], next: new Map() });

/**
 * A character trie keyed by UTF-16 code units, walked once from each position that can start a phrase:
 * the work per position is the length of the longest phrase there, not the number of phrases that
 * share its first characters (Latin prefixes like "se" start hundreds).
 */
export class PhraseMatcher {
  // The first level is an array: most characters start no phrase and are skipped without a Map lookup.
  private readonly roots: (TrieNode | undefined)[] = new Array<TrieNode | undefined>(0x10000);
  private count = 0;

  /** `chars` must already be in compact form without spaces (see compileForm). */
  add(chars: string, ref: PhraseRef): void {
    if (chars.length === 0) return;
    const first = chars.charCodeAt(0);
    let node = (this.roots[first] ??= newNode());
    for (let k = 1; k < chars.length; k++) {
      const c = chars.charCodeAt(k);
      let child = node.next.get(c);
      if (child === undefined) node.next.set(c, (child = newNode()));
      node = child;
    }
    node.ends.push({ entry: ref.entry, coded: ref.coded, latinEnd: isLatinOrDigitCode(chars.charCodeAt(chars.length - 1)) });
    this.count++;
  }

  /** Hits at each position come longest phrase first, phrases of one spelling in the order they were added. */
  match(text: string, onHit: (hit: PhraseHit) => void): void {
    const n = text.length;
    // Nodes and ends reached on one walk, emitted longest first once the walk stops.
    const reached: TrieNode[] = [];
    const reachedEnd: number[] = [];
    for (let p = 0; p < n; p++) {
      const c = text.charCodeAt(p);
      let node = this.roots[c];
      if (node === undefined) continue;
      if (isLatinOrDigitCode(c) && p > 0 && isLatinOrDigitCode(text.charCodeAt(p - 1))) continue;
      reached.length = 0;
      reachedEnd.length = 0;
      let q = p + 1;
      for (;;) {
        if (node.ends.length > 0) {
          reached.push(node);
          reachedEnd.push(q);
        }
        if (node.next.size === 0) break;
        while (q < n && text.charCodeAt(q) === 0x20) q++;
        if (q >= n) break;
        const child: TrieNode | undefined = node.next.get(text.charCodeAt(q));
        if (child === undefined) break;
        node = child;
        q++;
      }
      for (let r = reached.length - 1; r >= 0; r--) {
        const end = reachedEnd[r]!;
        const ends = reached[r]!.ends;
        for (let i = 0; i < ends.length; i++) {
          const phrase = ends[i]!;
          if (phrase.latinEnd && end < n && isLatinOrDigitCode(text.charCodeAt(end))) continue;
          onHit({ entry: phrase.entry, coded: phrase.coded, start: p, end });
        }
      }
    }
  }

  get size(): number {
    return this.count;
  }
}
