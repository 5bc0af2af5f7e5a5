import type { Evidence } from '../contracts/index.js';
import type { LinearModel } from './model/linear-model.js';
import { eachNgram } from './model/features.js';
import type { ListingAnalysis } from './rules/analyze.js';

/** Smallest summed weight (logit units) a stretch of text needs to be shown as the model's reason. */
const MIN_WEIGHT = 1;
const MAX_SPANS = 3;

/**
 * Where the rules found nothing, the model's own reason: the stretches of text whose character
 * n-grams push most toward the verdict's class against benign, as spans of the ORIGINAL text. An
 * investigator can check them; a listing with none is not flagged.
 */
export function modelEvidence(analysis: ListingAnalysis, model: LinearModel, classIndex: number): Evidence[] {
  const K = model.classes;
  const mask = (1 << model.bits) - 1;
  const spans: (Evidence & { weight: number })[] = [];
  for (const { field, normalized: nt } of analysis.fields) {
    const acc = new Float64Array(nt.text.length);
    eachNgram(nt.text, (hash, start, end) => {
      const base = (hash & mask) * K;
      const push = model.weights[base + classIndex]! - model.weights[base]!;
      for (let i = start; i < end; i++) acc[i]! += push / (end - start);
    });
    for (let i = 0; i < acc.length;) {
      if (acc[i]! <= 0 || nt.text[i] === ' ') {
        i++;
        continue;
      }
      let j = i;
      let weight = 0;
      while (j < acc.length && acc[j]! > 0) weight += acc[j++]!;
      while (j > i && nt.text[j - 1] === ' ') j--;
      if (weight >= MIN_WEIGHT) {
        const start = nt.start[i]!;
        const end = nt.end[j - 1]!;
        spans.push({ field, start, end, text: nt.original.slice(start, end), reason: 'model: wording it learned from listings of this kind', weight });
      }
      i = Math.max(j, i + 1);
    }
  }
  return spans
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_SPANS)
    .map(({ weight: _weight, ...e }) => e);
}
