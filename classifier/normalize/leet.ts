import { isDigitCode, isLatinOrDigitCode, isLetterCode } from './char-fold.js';

// Digits that stand for letters in leetspeak. 1 becomes i because the compact view already folds l to i.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/**
 * Decodes leetspeak digits inside Latin tokens (s3lfie, fu11z, 1D, 5elfie) in place, leaving
 * numbers, quantities and model names alone (10k, 1w, 4k, iphone14, mp4).
 */
export function decodeLeet(chars: string[]): { text: string; flags: Uint8Array } {
  const flags = new Uint8Array(chars.length);
  for (let s = 0; s < chars.length; ) {
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
  const leadingDecodes = firstLetter > s && (lettersAfterLead >= 2 && allLetters(chars, firstLetter, e) || token === '1d');
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

function allLetters(chars: string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isLetterCode(chars[k]!.charCodeAt(0))) return false;
  return true;
}
