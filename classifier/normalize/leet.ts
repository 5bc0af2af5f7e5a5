import { isDigitCode, isLatinOrDigitCode, isLetterCode } from '../../text/index.js';

// Digits that stand for letters in leetspeak. 1 becomes i because the compact view already folds l to i.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/**
 * Decodes leetspeak digits inside Latin tokens (s3lfie, fu11z, 1D, 5elfie) in place, leaving
 * numbers, quantities and model names alone (10k, 1w, 4k, iphone14, mp4).
 */
export function decodeLeet(chars: string[]): { text: string; flags: Uint8Array } {
  const flags = new Uint8Array(chars.length);
  for (let s = 0; s < chars.length;) {
    if (!isLatinOrDigitCode(chars[s]!.charCodeAt(0))) {
      s++;
      continue;
    }
    let e = s;
    while (e < chars.length && isLatinOrDigitCode(chars[e]!.charCodeAt(0))) e++;
    decodeToken(chars, s, e, flags);
    s = e;
  }
  return { text: chars.join(''), flags };
}

function decodeToken(chars: string[], s: number, e: number, flags: Uint8Array): void {
  let firstLetter = -1;
  let lastLetter = -1;
  for (let k = s; k < e; k++) {
    if (isLetterCode(chars[k]!.charCodeAt(0))) {
      if (firstLetter < 0) firstLetter = k;
      lastLetter = k;
    }
  }
  if (firstLetter < 0) return;
  const token = chars.slice(s, e).join('');
  const lettersAfterLead = e - firstLetter;
  // A leading digit is a letter when real letters follow and the token ends in one (0wn3r, 5elfie; not 10k, 4k).
  const endsInLetter = isLetterCode(chars[e - 1]!.charCodeAt(0));
  const leadingDecodes = firstLetter > s && ((lettersAfterLead >= 2 && endsInLetter && countLetters(chars, firstLetter, e) >= 2) || token === '1d');
  for (let k = s; k < e; k++) {
    const ch = chars[k]!;
    if (!isDigitCode(ch.charCodeAt(0)) || LEET[ch] === undefined) continue;
    const inside = k > firstLetter && k < lastLetter;
    if (inside || (k < firstLetter && leadingDecodes)) {
      chars[k] = LEET[ch];
      flags[k] = 1;
    }
  }
}

function countLetters(chars: string[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (isLetterCode(chars[k]!.charCodeAt(0))) n++;
  return n;
}
