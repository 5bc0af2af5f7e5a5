import { isDigitCode, isLatinOrDigitCode, isLetterCode } from '../../text/index.js';

// Letters that digits stand for in leetspeak, by digit (0 for none). 1 becomes i because the compact view already folds l to i.
const LEET = new Uint16Array(10);
for (const [digit, letter] of Object.entries({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' })) LEET[Number(digit)] = letter.charCodeAt(0);

/**
 * Decodes leetspeak digits inside Latin tokens (s3lfie, fu11z, 1D, 5elfie) of the char codes
 * codes[0, length) in place, leaving numbers, quantities and model names alone (10k, 1w, 4k,
 * iphone14, mp4). Returns a flag per character: 1 where a digit was decoded.
 */
export function decodeLeet(codes: Uint16Array, length: number): Uint8Array {
  const flags = new Uint8Array(length);
  for (let s = 0; s < length;) {
    if (!isLatinOrDigitCode(codes[s]!)) {
      s++;
      continue;
    }
    let e = s;
    while (e < length && isLatinOrDigitCode(codes[e]!)) e++;
    decodeToken(codes, s, e, flags);
    s = e;
  }
  return flags;
}

function decodeToken(codes: Uint16Array, s: number, e: number, flags: Uint8Array): void {
  let firstLetter = -1;
  let lastLetter = -1;
  for (let k = s; k < e; k++) {
    if (isLetterCode(codes[k]!)) {
      if (firstLetter < 0) firstLetter = k;
      lastLetter = k;
    }
  }
  if (firstLetter < 0) return;
  const lettersAfterLead = e - firstLetter;
  // A leading digit is a letter when real letters follow and the token ends in one (0wn3r, 5elfie; not 10k, 4k).
  const endsInLetter = isLetterCode(codes[e - 1]!);
  const isOneD = e - s === 2 && codes[s] === 0x31 && codes[s + 1] === 0x64; // the token "1d"
  const leadingDecodes = firstLetter > s && ((lettersAfterLead >= 2 && endsInLetter && countLetters(codes, firstLetter, e) >= 2) || isOneD);
  for (let k = s; k < e; k++) {
    const c = codes[k]!;
    if (!isDigitCode(c) || LEET[c - 0x30] === 0) continue;
    const inside = k > firstLetter && k < lastLetter;
    if (inside || (k < firstLetter && leadingDecodes)) {
      codes[k] = LEET[c - 0x30]!;
      flags[k] = 1;
    }
  }
}

function countLetters(codes: Uint16Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (isLetterCode(codes[k]!)) n++;
  return n;
}
