import { isLatinWordCode } from '../../text/index.js';

/**
 * Finds many phrases in a compact text in one pass. Phrases are indexed by first character; spaces
 * in the text are skipped while matching, so "selfie with id", "selfiewithid" and "人脸 四件套" all
 * meet their phrase. A phrase that starts or ends with a Latin letter must start or end a Latin word
 * (accented letters are letters of the word: see isLatinWordCode).
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

/** The trie flattened into typed arrays for matching (see PhraseMatcher.compile). Node 0 is "none". */
interface CompiledTrie {
  /** Node a first character leads to, by UTF-16 code unit (0: the character starts no phrase). */
  readonly root: Int32Array;
  /** Whether a node has any next character (the walk stops at a leaf without a lookup). */
  readonly branches: Uint8Array;
  /** Open-addressed edge table: slot → parent node, character, child node (parent 0: empty slot). */
  readonly edgeParent: Int32Array;
  readonly edgeChar: Uint16Array;
  readonly edgeChild: Int32Array;
  readonly edgeMask: number;
  /** A node's phrases are ends[endFrom[node], endFrom[node + 1]), in the order they were added. */
  readonly endFrom: Int32Array;
  readonly ends: readonly Phrase[];
}

const edgeSlot = (parent: number, c: number, mask: number): number => (Math.imul(parent, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;

/**
 * A character trie keyed by UTF-16 code units, walked once from each position that can start a phrase:
 * the work per position is the length of the longest phrase there, not the number of phrases that
 * share its first characters (Latin prefixes like "se" start hundreds).
 */
export class PhraseMatcher {
  // Built as nodes with maps; matched as flat arrays, made at the first match after the last add:
  // a map lookup and an object per step cost the walk more than half its time.
  private readonly roots = new Map<number, TrieNode>();
  private compiled: CompiledTrie | null = null;
  private count = 0;
  // Nodes and ends reached on one walk, emitted longest first once the walk stops; reused from walk to walk.
  private reachedNode = new Int32Array(64);
  private reachedEnd = new Int32Array(64);

  /** `chars` must already be in compact form without spaces (see compileForm). */
  add(chars: string, ref: PhraseRef): void {
    if (chars.length === 0) return;
    const first = chars.charCodeAt(0);
    let node = this.roots.get(first) ?? newNode();
    this.roots.set(first, node);
    for (let k = 1; k < chars.length; k++) {
      const c = chars.charCodeAt(k);
      let child = node.next.get(c);
      if (child === undefined) node.next.set(c, (child = newNode()));
      node = child;
    }
    node.ends.push({ entry: ref.entry, coded: ref.coded, latinEnd: isLatinWordCode(chars.charCodeAt(chars.length - 1)) });
    this.count++;
    this.compiled = null;
  }

  /** Hits at each position come longest phrase first, phrases of one spelling in the order they were added. */
  match(text: string, onHit: (hit: PhraseHit) => void): void {
    const t = (this.compiled ??= this.compile());
    const { root, branches, edgeParent, edgeChar, edgeChild, edgeMask, endFrom, ends } = t;
    const n = text.length;
    let prevWord = false;
    for (let p = 0; p < n; p++) {
      const c = text.charCodeAt(p);
      const word = isLatinWordCode(c);
      // A Latin phrase starts a Latin word, never inside one.
      const inWord = word && prevWord;
      prevWord = word;
      let node = root[c]!;
      if (node === 0 || inWord) continue;
      let reached = 0;
      let q = p + 1;
      for (;;) {
        if (endFrom[node + 1]! > endFrom[node]!) {
          if (reached === this.reachedNode.length) this.growReached();
          this.reachedNode[reached] = node;
          this.reachedEnd[reached++] = q;
        }
        if (branches[node] === 0) break;
        while (q < n && text.charCodeAt(q) === 0x20) q++;
        if (q >= n) break;
        const next = text.charCodeAt(q);
        let slot = edgeSlot(node, next, edgeMask);
        let child = 0;
        for (; edgeParent[slot] !== 0; slot = (slot + 1) & edgeMask) {
          if (edgeParent[slot] === node && edgeChar[slot] === next) {
            child = edgeChild[slot]!;
            break;
          }
        }
        if (child === 0) break;
        node = child;
        q++;
      }
      for (let r = reached - 1; r >= 0; r--) {
        const end = this.reachedEnd[r]!;
        const at = this.reachedNode[r]!;
        for (let i = endFrom[at]!; i < endFrom[at + 1]!; i++) {
          const phrase = ends[i]!;
          if (phrase.latinEnd && end < n && isLatinWordCode(text.charCodeAt(end))) continue;
          onHit({ entry: phrase.entry, coded: phrase.coded, start: p, end });
        }
      }
    }
  }

  get size(): number {
    return this.count;
  }

  private growReached(): void {
    const nodes = new Int32Array(this.reachedNode.length * 2);
    nodes.set(this.reachedNode);
    this.reachedNode = nodes;
    const ends = new Int32Array(this.reachedEnd.length * 2);
    ends.set(this.reachedEnd);
    this.reachedEnd = ends;
  }

  /** The trie as flat arrays: nodes numbered from 1 in depth-first order, edges in a hash table. */
  private compile(): CompiledTrie {
    const nodes: TrieNode[] = [];
    let edges = 0;
    const number = (node: TrieNode): void => {
      nodes.push(node);
      edges += node.next.size;
      for (const child of node.next.values()) number(child);
    };
    for (const node of this.roots.values()) number(node);
    const id = new Map<TrieNode, number>(nodes.map((node, i) => [node, i + 1]));
    const root = new Int32Array(0x10000);
    for (const [c, node] of this.roots) root[c] = id.get(node)!;
    let size = 16;
    while (size < edges * 2) size *= 2;
    const edgeMask = size - 1;
    const edgeParent = new Int32Array(size);
    const edgeChar = new Uint16Array(size);
    const edgeChild = new Int32Array(size);
    const branches = new Uint8Array(nodes.length + 1);
    const endFrom = new Int32Array(nodes.length + 2);
    const ends: Phrase[] = [];
    nodes.forEach((node, i) => {
      const parent = i + 1;
      endFrom[parent] = ends.length;
      for (const e of node.ends) ends.push(e);
      branches[parent] = node.next.size > 0 ? 1 : 0;
      for (const [c, child] of node.next) {
        let slot = edgeSlot(parent, c, edgeMask);
        while (edgeParent[slot] !== 0) slot = (slot + 1) & edgeMask;
        edgeParent[slot] = parent;
        edgeChar[slot] = c;
        edgeChild[slot] = id.get(child)!;
      }
    });
    endFrom[nodes.length + 1] = ends.length;
    return { root, branches, edgeParent, edgeChar, edgeChild, edgeMask, endFrom, ends };
  }
}
