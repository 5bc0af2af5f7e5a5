import { Classifier } from './classify.js';
import type { CorpusItem } from './corpus/schema.js';
import { splitCorpus } from './corpus/split.js';
import { evaluate } from './evaluate.js';
import type { Lexicon } from './lexicon/load.js';
import { DEFAULT_TRAIN_CONFIG, trainModel, type TrainConfig } from './model/train.js';

/** The writer (batch) of a corpus listing: the id's prefix, one per data file. */
export const sourceOf = (id: string): string => id.slice(0, id.indexOf('-'));

export interface SourceResult {
  readonly source: string;
  readonly listings: number;
  readonly positives: number;
  /** Share of positives flagged (null for a file of negatives). */
  readonly recall: number | null;
  readonly evasiveRecall: number | null;
  readonly categoryAccuracy: number | null;
  /** Share of negatives flagged (null for a file of positives). */
  readonly falsePositiveRate: number | null;
}

/**
 * Leave-one-source-out: for each writer, train on the other writers' training split and test on
 * every listing of the one left out. Each corpus file was written by a different hand in its own
 * style, so this is the nearest the corpus gets to "listings written by others".
 */
export interface CrossSourceOptions {
  /** Test on the left-out writer's training-split listings only: for tuning, so the held-out split stays unseen. */
  readonly trainingSplitOnly?: boolean;
  readonly config?: TrainConfig;
  readonly progress?: (m: string) => void;
}

export function crossSourceEvaluation(lexicon: Lexicon, items: readonly CorpusItem[], options: CrossSourceOptions = {}): SourceResult[] {
  const { train } = splitCorpus(items);
  const pool = options.trainingSplitOnly ? train : items;
  const sources = [...new Set(items.map((i) => sourceOf(i.id)))].sort();
  return sources.map((source) => {
    const config = { ...(options.config ?? DEFAULT_TRAIN_CONFIG), folds: 0 };
    const { meta, model } = trainModel(lexicon, train.filter((i) => sourceOf(i.id) !== source), 'cross-source', config);
    const classifier = new Classifier(lexicon, { meta, model });
    const test = pool.filter((i) => sourceOf(i.id) === source);
    const r = evaluate(classifier, test);
    const positives = test.filter((i) => i.label !== 'benign').length;
    const negatives = test.length - positives;
    options.progress?.(`left out ${source}`);
    return {
      source,
      listings: test.length,
      positives,
      recall: positives ? r.overall.recall : null,
      evasiveRecall: positives ? r.evasiveRecall : null,
      categoryAccuracy: positives ? r.categoryAccuracy : null,
      falsePositiveRate: negatives ? r.overall.fp / negatives : null,
    };
  });
}
