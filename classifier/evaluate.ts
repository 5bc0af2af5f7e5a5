import { CATEGORIES } from '../contracts/index.js';
import type { Classifier } from './classify.js';
import type { CorpusItem } from './corpus/schema.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface Evaluation {
  readonly listings: number;
  readonly overall: Prf & Counts;
  readonly perCategory: Record<string, Prf>;
  readonly perLanguage: Record<string, Prf>;
  readonly hardNegativeFalsePositiveRate: number;
  readonly hardNegatives: number;
  readonly hardNegativesFlagged: number;
  readonly evasiveRecall: number;
  readonly evasivePositives: number;
  /** Recall on positives built on jargon their writer invented (or on plain words). */
  readonly newJargonRecall: number;
  readonly newJargonPositives: number;
  /** Share of positives flagged or in the review band: what reaches an investigator. */
  readonly flaggedOrReviewRecall: number;
  /** Share of negatives in the review band (an investigator's extra reading). */
  readonly negativeReviewRate: number;
  /** Share of true positives given the right category. */
  readonly categoryAccuracy: number;
  readonly errors: { id: string; label: string; predicted: string; score: number }[];
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: c.tp + c.fn };
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

function add(c: Counts, actual: boolean, predicted: boolean): void {
  if (actual && predicted) c.tp++;
  else if (!actual && predicted) c.fp++;
  else if (actual) c.fn++;
  else c.tn++;
}

/** What a classifier said of one listing, as far as the metrics need. */
export interface Prediction {
  readonly flagged: boolean;
  readonly review?: boolean;
  readonly category: string | null;
  readonly score: number;
}

export function evaluate(classifier: Classifier, items: readonly CorpusItem[]): Evaluation {
  return evaluatePredictions(
    items,
    items.map((item) => classifier.classify(item)),
  );
}

export function evaluatePredictions(items: readonly CorpusItem[], predictions: readonly Prediction[]): Evaluation {
  const overall = zero();
  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, zero()]));
  const perLanguage: Record<string, Counts> = {};
  let hardNegatives = 0,
    hardFlagged = 0,
    evasive = 0,
    evasiveFound = 0,
    rightCategory = 0;
  let jargon = 0,
    jargonFound = 0,
    reached = 0,
    negatives = 0,
    negativeReview = 0;
  const errors: Evaluation['errors'] = [];
  items.forEach((item, i) => {
    const v = predictions[i]!;
    const positive = item.label !== 'benign';
    add(overall, positive, v.flagged);
    add((perLanguage[item.lang] ??= zero()), positive, v.flagged);
    for (const c of CATEGORIES) add(perCategory[c]!, item.label === c, v.category === c);
    if (item.hardNegative) {
      hardNegatives++;
      if (v.flagged) hardFlagged++;
    }
    if (positive && item.evasive) {
      evasive++;
      if (v.flagged) evasiveFound++;
    }
    if (positive && item.newJargon) {
      jargon++;
      if (v.flagged) jargonFound++;
    }
    if (positive && (v.flagged || v.review)) reached++;
    if (!positive) {
      negatives++;
      if (v.review) negativeReview++;
    }
    if (positive && v.flagged && v.category === item.label) rightCategory++;
    if (positive !== v.flagged || (positive && v.category !== item.label)) {
      errors.push({ id: item.id, label: item.label, predicted: v.category ?? 'benign', score: v.score });
    }
  });
  const map = (r: Record<string, Counts>) => Object.fromEntries(Object.entries(r).map(([k, c]) => [k, prf(c)]));
  return {
    listings: items.length,
    overall: { ...overall, ...prf(overall) },
    perCategory: map(perCategory),
    perLanguage: map(perLanguage),
    hardNegativeFalsePositiveRate: hardNegatives ? hardFlagged / hardNegatives : 0,
    hardNegatives,
    hardNegativesFlagged: hardFlagged,
    evasiveRecall: evasive ? evasiveFound / evasive : 1,
    evasivePositives: evasive,
    newJargonRecall: jargon ? jargonFound / jargon : 1,
    newJargonPositives: jargon,
    flaggedOrReviewRecall: overall.tp + overall.fn ? reached / (overall.tp + overall.fn) : 1,
    negativeReviewRate: negatives ? negativeReview / negatives : 0,
    categoryAccuracy: overall.tp ? rightCategory / overall.tp : 1,
    errors,
  };
}
