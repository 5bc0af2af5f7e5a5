import { isHanCode, isLatinOrDigitCode } from '../../text/index.js';
import type { NormalizedText } from '../normalize/normalize.js';
import type { NegationScope } from '../lexicon/load.js';
import { clauseBreakBefore } from './clauses.js';

/** A negation cue found in the compact text: [start, end). */
export interface Cue {
  readonly start: number;
  readonly end: number;
}

/**
 * The compact ranges a negation reaches: from the end of each cue to the end of its clause, at most
 * `scopeHan` Chinese characters or `scopeWords` Latin words. "不是床上用品，懂的来" negates 床上用品 and
 * stops at the comma; "no real people in it" negates "real people in it".
 */
export function negatedRanges(nt: NormalizedText, cues: readonly Cue[], scope: NegationScope): [number, number][] {
  const t = nt.text;
  const ranges: [number, number][] = [];
  for (const cue of cues) {
    let han = 0;
    let words = 0;
    let k = cue.end;
    for (; k < t.length; k++) {
      if (clauseBreakBefore(nt, k)) break;
      const c = t.charCodeAt(k);
      if (isHanCode(c) && ++han > scope.scopeHan) break;
      if (isLatinOrDigitCode(c) && (k === 0 || !isLatinOrDigitCode(t.charCodeAt(k - 1))) && ++words > scope.scopeWords) break;
    }
    if (k > cue.end) ranges.push([cue.end, k]);
  }
  return ranges;
}

export function insideAny(ranges: readonly (readonly [number, number])[], at: number): boolean {
  for (const [s, e] of ranges) if (at >= s && at < e) return true;
  return false;
}
