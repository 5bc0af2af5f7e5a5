import { CATEGORIES, type Category, type Verdict } from '../contracts/index.js';
import { loadLexicon, type Lexicon } from './lexicon/load.js';
import { applyCalibration } from './model/calibration.js';
import { extractFeatures } from './model/features.js';
import { loadModel, type LoadedModel } from './model/model-file.js';
import { analyzeListing, type ListingFields } from './rules/analyze.js';
import { buildEvidence } from './evidence.js';

export class ModelMismatchError extends Error {
  override name = 'ModelMismatchError';
}

export interface ClassifierOptions {
  readonly modelPath?: string;
  readonly lexiconDir?: string;
  /** Overrides the model's default threshold (a calibrated score in (0, 1)). */
  readonly threshold?: number;
}

/** Scores of one listing before the threshold: raw class probabilities and the calibrated score. */
export interface Scored {
  readonly score: number;
  readonly category: Category;
  readonly probabilities: Float64Array;
}

export class Classifier {
  readonly version: string;
  readonly threshold: number;
  private readonly probs: Float64Array;

  constructor(
    readonly lexicon: Lexicon,
    private readonly loaded: LoadedModel,
    threshold?: number,
  ) {
    if (loaded.meta.lexiconVersion !== lexicon.version) {
      throw new ModelMismatchError(
        `the model was trained with lexicon ${loaded.meta.lexiconVersion} but the lexicon is now ${lexicon.version}; run \`faceleak train\``,
      );
    }
    // One string names both: verdicts can be traced to the exact model and lexicon that made them.
    this.version = `${loaded.meta.version}+${lexicon.version}`;
    this.threshold = threshold ?? loaded.meta.threshold;
    this.probs = new Float64Array(loaded.model.classes);
  }

  static load(options: ClassifierOptions = {}): Classifier {
    return new Classifier(loadLexicon(options.lexiconDir), loadModel(options.modelPath), options.threshold);
  }

  score(listing: ListingFields): Scored & { analysis: ReturnType<typeof analyzeListing> } {
    const analysis = analyzeListing(this.lexicon, listing);
    const x = extractFeatures(analysis, this.loaded.meta);
    const p = this.loaded.model.predict(x, this.probs);
    let best = 1;
    for (let k = 2; k < p.length; k++) if (p[k]! > p[best]!) best = k;
    const score = applyCalibration(this.loaded.meta.calibration, 1 - p[0]!);
    return { score, category: CATEGORIES[best - 1]!, probabilities: p, analysis };
  }

  classify(listing: ListingFields): Verdict {
    const { score: modelScore, category, analysis } = this.score(listing);
    // Without any text there is nothing to judge; the model's prior is not a verdict.
    const score = analysis.fields.length === 0 ? 0 : modelScore;
    const flagged = score >= this.threshold;
    return {
      flagged,
      category: flagged ? category : null,
      score: Math.round(score * 10_000) / 10_000,
      evidence: buildEvidence(analysis, flagged ? category : null),
      modelVersion: this.version,
    };
  }
}
