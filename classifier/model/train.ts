import { createHash } from 'node:crypto';
import type { Lexicon } from '../lexicon/load.js';
import { augmentItem, buildHomophones } from '../corpus/augment.js';
import type { CorpusItem } from '../corpus/schema.js';
import { analyzeListing } from '../rules/analyze.js';
import { applyCalibration, fitCalibration } from './calibration.js';
import { extractFeatures, type SparseVector } from './features.js';
import { LinearModel, mulberry32, trainLinear, type TrainOptions } from './linear-model.js';
import { CLASSES, type ModelMeta } from './model-file.js';

export interface TrainConfig {
  readonly bits: number;
  readonly textScale: number;
  readonly folds: number;
  /** Disguised copies made of each training positive, and honest variants of each negative. */
  readonly positiveCopies: number;
  readonly negativeCopies: number;
  readonly optimizer: TrainOptions;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  bits: 18,
  textScale: 2,
  folds: 5,
  positiveCopies: 2,
  negativeCopies: 2,
  optimizer: { epochs: 12, learningRate: 0.3, l2: 1e-5, seed: 20201 },
};

export interface TrainResult {
  readonly meta: ModelMeta;
  readonly model: LinearModel;
  /** Out-of-fold scores of the training listings (not augmented), calibrated. */
  readonly outOfFold: { item: CorpusItem; score: number; category: string }[];
}

interface Example {
  readonly item: CorpusItem;
  readonly x: SparseVector;
  readonly y: number;
  /** Index of the original listing an augmented copy came from. */
  readonly origin: number;
}

export type Progress = (message: string) => void;

/** Trains the model on `train` (which must not contain held-out listings); reproducible for a given config. */
export function trainModel(lexicon: Lexicon, train: readonly CorpusItem[], corpusHash: string, config = DEFAULT_TRAIN_CONFIG, progress: Progress = () => {}): TrainResult {
  const rand = mulberry32(config.optimizer.seed);
  const homophones = buildHomophones(train.flatMap((i) => [i.title ?? '', i.description ?? '']));
  const featurize = (item: CorpusItem, origin: number): Example => ({
    item,
    origin,
    x: extractFeatures(analyzeListing(lexicon, item), { bits: config.bits, textScale: config.textScale }),
    y: CLASSES.indexOf(item.label),
  });
  const originals = train.map((item, i) => featurize(item, i));
  const augmented = train.flatMap((item, i) =>
    augmentItem(item, item.label === 'benign' ? config.negativeCopies : config.positiveCopies, rand, homophones).map((a) => featurize(a, i)),
  );
  const all = [...originals, ...augmented];
  progress(`features: ${originals.length} listings + ${augmented.length} augmented copies`);

  const fit = (examples: readonly Example[]) => {
    const model = new LinearModel(config.bits, CLASSES.length);
    trainLinear(model, examples.map((e) => e.x), examples.map((e) => e.y), config.optimizer);
    return model;
  };

  // Out-of-fold scores calibrate the model and pick its threshold on listings it did not see.
  // folds = 0 skips calibration (quick experiments such as leave-one-source-out): identity calibration, threshold 0.5.
  const fold = (origin: number) => origin % config.folds;
  const rawOof = new Array<number>(originals.length);
  const catOof = new Array<string>(originals.length);
  for (let f = 0; f < config.folds; f++) {
    const model = fit(all.filter((e) => fold(e.origin) !== f));
    for (const e of originals) {
      if (fold(e.origin) !== f) continue;
      const p = model.predict(e.x);
      rawOof[e.origin] = 1 - p[0]!;
      let best = 1;
      for (let k = 2; k < p.length; k++) if (p[k]! > p[best]!) best = k;
      catOof[e.origin] = CLASSES[best]!;
    }
    progress(`cross-validation fold ${f + 1}/${config.folds}`);
  }
  const calibration = config.folds > 0 ? fitCalibration(rawOof, originals.map((e) => e.y !== 0)) : { a: 1, b: 0 };
  const outOfFold = config.folds > 0 ? originals.map((e) => ({ item: e.item, score: applyCalibration(calibration, rawOof[e.origin]!), category: catOof[e.origin]! })) : [];
  const threshold = config.folds > 0 ? chooseThreshold(outOfFold) : 0.5;

  const model = fit(all);
  progress('final model trained');
  const version = `fl-${createHash('sha256').update(Buffer.from(model.weights.buffer)).update(JSON.stringify(calibration)).update(lexicon.version).digest('hex').slice(0, 10)}`;
  const meta: ModelMeta = {
    version,
    lexiconVersion: lexicon.version,
    corpusHash,
    classes: [...CLASSES],
    bits: config.bits,
    textScale: config.textScale,
    calibration,
    threshold,
    training: {
      listings: originals.length,
      augmented: augmented.length,
      folds: config.folds,
      epochs: config.optimizer.epochs,
      seed: config.optimizer.seed,
    },
  };
  return { meta, model, outOfFold };
}

/** Highest share of hard negatives a default threshold may flag out of fold (the product's target is 2%). */
export const MAX_HARD_NEGATIVE_FPR = 0.02;

/**
 * The threshold with the best out-of-fold F1 among those that flag at most MAX_HARD_NEGATIVE_FPR of
 * hard negatives (a false accusation costs a moderator's time and a seller's trust); ties go to the
 * one nearer 0.5. Without such a threshold, the best F1 overall.
 */
export function chooseThreshold(scored: readonly { item: CorpusItem; score: number }[]): number {
  const hardNegatives = scored.filter((s) => s.item.hardNegative).length || 1;
  let best = { t: 0.5, f1: -1, ok: false };
  for (let i = 20; i <= 80; i++) {
    const t = i / 100;
    let tp = 0, fp = 0, fn = 0, hardFp = 0;
    for (const { item, score } of scored) {
      const pos = item.label !== 'benign';
      if (score >= t && pos) tp++;
      else if (score >= t) {
        fp++;
        if (item.hardNegative) hardFp++;
      } else if (pos) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
    const ok = hardFp / hardNegatives <= MAX_HARD_NEGATIVE_FPR;
    const better = (ok && !best.ok) || (ok === best.ok && (f1 > best.f1 + 1e-9 || (Math.abs(f1 - best.f1) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(best.t - 0.5))));
    if (better) best = { t, f1, ok };
  }
  return best.t;
}
