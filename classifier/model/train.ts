import { createHash } from 'node:crypto';
import type { Lexicon } from '../lexicon/load.js';
import { applyAttack, ATTACK_KINDS, NEGATIVE_ATTACKS } from '../attacks/apply.js';
import { loadAttackPool } from '../attacks/pool.js';
import { augmentItem, buildHomophones, fragmentOf } from '../corpus/augment.js';
import { maskJargon } from '../corpus/mask-jargon.js';
import { foldsByWriter } from '../corpus/split.js';
import type { CorpusItem } from '../corpus/schema.js';
import { analyzeListing } from '../rules/analyze.js';
import { applyCalibration, fitCalibration } from './calibration.js';
import { extractFeatures, type SparseVector } from './features.js';
import { LinearModel, mulberry32, trainLinear, type TrainOptions } from './linear-model.js';
import { CLASSES, type ModelMeta } from './model-file.js';

export interface TrainConfig {
  readonly bits: number;
  readonly textScale: number;
  readonly contextScale: number;
  readonly backgroundScale: number;
  readonly minTextFeatures: number;
  readonly folds: number;
  /** Disguised copies made of each training positive, and honest variants of each negative. */
  readonly positiveCopies: number;
  readonly negativeCopies: number;
  /** Copies of each positive under an attack of the training pool (cover, tag, padding…), and of each negative under one that leaves it benign. */
  readonly attackCopies: number;
  readonly negativeAttackCopies: number;
  /** Benign fragments cut from each listing (kept only where the rules find nothing in them). */
  readonly fragments: number;
  /** Copies with the known jargon swapped for unknown words (positives kept only where the offer still reads). */
  readonly maskedCopies: number;
  readonly optimizer: TrainOptions;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  bits: 18,
  textScale: 2,
  contextScale: 1,
  backgroundScale: 0.5,
  minTextFeatures: 16,
  folds: 5,
  positiveCopies: 1,
  negativeCopies: 1,
  attackCopies: 4,
  negativeAttackCopies: 2,
  fragments: 1,
  maskedCopies: 1,
  optimizer: { epochs: 8, learningRate: 0.3, l2: 1e-5, seed: 20201 },
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
export function trainModel(
  lexicon: Lexicon,
  train: readonly CorpusItem[],
  corpusHash: string,
  config = DEFAULT_TRAIN_CONFIG,
  progress: Progress = () => {},
): TrainResult {
  const rand = mulberry32(config.optimizer.seed);
  const homophones = buildHomophones(train.flatMap((i) => [i.title ?? '', i.description ?? '']));
  const featurize = (item: CorpusItem, origin: number): Example => ({
    item,
    origin,
    x: extractFeatures(analyzeListing(lexicon, item), config, true).x,
    y: CLASSES.indexOf(item.label),
  });
  const originals = train.map((item, i) => featurize(item, i));
  const pool = loadAttackPool('train');
  const attacked = (item: CorpusItem): CorpusItem[] => {
    const positive = item.label !== 'benign';
    const kinds = positive ? ATTACK_KINDS : NEGATIVE_ATTACKS;
    return Array.from({ length: positive ? config.attackCopies : config.negativeAttackCopies }, () =>
      applyAttack(item, kinds[Math.floor(rand() * kinds.length)]!, pool, rand),
    );
  };
  const fragments = (item: CorpusItem): CorpusItem[] =>
    Array.from({ length: config.fragments }, () => fragmentOf(item, rand)).filter((f): f is CorpusItem => f !== null && !hasRuleEvidence(lexicon, f));
  const masked = (item: CorpusItem): CorpusItem[] =>
    Array.from({ length: config.maskedCopies }, () => maskJargon(lexicon, item, rand)).filter((m): m is CorpusItem => m !== null);
  const augmented = train.flatMap((item, i) =>
    [
      ...augmentItem(item, item.label === 'benign' ? config.negativeCopies : config.positiveCopies, rand, homophones),
      ...attacked(item),
      ...fragments(item),
      ...masked(item),
    ].map((a) => featurize(a, i)),
  );
  const all = [...originals, ...augmented];
  progress(`features: ${originals.length} listings + ${augmented.length} augmented copies`);

  const fit = (examples: readonly Example[]) => {
    const model = new LinearModel(config.bits, CLASSES.length);
    trainLinear(
      model,
      examples.map((e) => e.x),
      examples.map((e) => e.y),
      config.optimizer,
    );
    return model;
  };

  // Out-of-fold scores calibrate the model and pick its threshold on listings it did not see.
  // folds = 0 skips calibration (quick experiments such as leave-one-source-out): identity calibration, threshold 0.5.
  const foldOfItem = config.folds > 0 ? foldsByWriter(train, config.folds) : [];
  const fold = (origin: number) => foldOfItem[origin]!;
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
  const calibration =
    config.folds > 0
      ? fitCalibration(
          rawOof,
          originals.map((e) => e.y !== 0),
        )
      : { a: 1, b: 0 };
  const outOfFold =
    config.folds > 0 ? originals.map((e) => ({ item: e.item, score: applyCalibration(calibration, rawOof[e.origin]!), category: catOof[e.origin]! })) : [];
  const threshold = config.folds > 0 ? chooseThreshold(outOfFold) : 0.5;
  const reviewThreshold = config.folds > 0 ? chooseReviewThreshold(outOfFold, threshold) : 0.25;

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
    contextScale: config.contextScale,
    backgroundScale: config.backgroundScale,
    minTextFeatures: config.minTextFeatures,
    calibration,
    threshold,
    reviewThreshold,
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
    let tp = 0,
      fp = 0,
      fn = 0,
      hardFp = 0;
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
    const better =
      (ok && !best.ok) || (ok === best.ok && (f1 > best.f1 + 1e-9 || (Math.abs(f1 - best.f1) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(best.t - 0.5))));
    if (better) best = { t, f1, ok };
  }
  return best.t;
}

/** Share of out-of-fold positives that flagged and review-band listings together must catch. */
export const REVIEW_RECALL = 0.97;

/**
 * The lower edge of the review band: the highest score that, with the flag threshold above it, still
 * sends at least REVIEW_RECALL of out-of-fold positives to an investigator (never above the threshold).
 */
export function chooseReviewThreshold(scored: readonly { item: CorpusItem; score: number }[], threshold: number): number {
  const positives = scored
    .filter((s) => s.item.label !== 'benign')
    .map((s) => s.score)
    .sort((a, b) => b - a);
  if (positives.length === 0) return threshold;
  const at = positives[Math.min(positives.length - 1, Math.ceil(REVIEW_RECALL * positives.length) - 1)]!;
  return Math.max(0.01, Math.min(threshold, Math.floor(at * 100) / 100));
}

/** Whether the rules find a coded term, a trade signal or an offer part in a listing. */
function hasRuleEvidence(lexicon: Lexicon, item: CorpusItem): boolean {
  return analyzeListing(lexicon, item).hits.some((h) => !h.negated && (h.pattern !== null || ['term', 'signal', 'part'].includes(h.entry?.kind ?? '')));
}
