/** Feature hashing: every feature is a bucket in [0, 2^bits). FNV-1a on UTF-16 code units. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function hashString(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** hashString(prefix + s) given h = hashString(prefix): FNV-1a is a running state, so a name built of parts need not be built. */
export function continueHash(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Hash of text.slice(from, to) prefixed by a namespace seed, without building the substring. */
export function hashRange(text: string, from: number, to: number, seed: number): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Seeds keep n-grams of different orders and token kinds in separate hash spaces. */
export const SEEDS = {
  char1: hashString('c1:'),
  char2: hashString('c2:'),
  char3: hashString('c3:'),
  word: hashString('w:'),
  stem: hashString('s:'),
  named: hashString('f:'),
} as const;
