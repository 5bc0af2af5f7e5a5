import type { SparseVector } from './features.js';

/**
 * Multinomial logistic regression over hashed features: weights[bucket * K + k] for K classes.
 * Class 0 is benign; the rest are the categories, in CATEGORIES order.
 */
export class LinearModel {
  constructor(
    readonly bits: number,
    readonly classes: number,
    readonly weights: Float32Array = new Float32Array((1 << bits) * classes),
  ) {
    if (weights.length !== (1 << bits) * classes) throw new Error('weights do not match bits × classes');
  }

  /** Class probabilities (softmax of the scores) into `out`. */
  predict(x: SparseVector, out: Float64Array = new Float64Array(this.classes)): Float64Array {
    const K = this.classes;
    if (K === 5) this.scores5(x, out);
    else {
      out.fill(0);
      for (let i = 0; i < x.index.length; i++) {
        const base = x.index[i]! * K;
        const v = x.value[i]!;
        for (let k = 0; k < K; k++) out[k]! += v * this.weights[base + k]!;
      }
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, out[k]!);
    let sum = 0;
    for (let k = 0; k < K; k++) {
      out[k] = Math.exp(out[k]! - max);
      sum += out[k]!;
    }
    for (let k = 0; k < K; k++) out[k]! /= sum;
    return out;
  }

  /**
   * The scores of the shipped five classes (benign and the four categories), summed in locals: the
   * same additions in the same order as the loop over K, so the same doubles, at a third of its time
   * (the loop kept every partial sum in `out`, a load and a store per class per feature).
   */
  private scores5(x: SparseVector, out: Float64Array): void {
    const w = this.weights;
    const index = x.index;
    const value = x.value;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (let i = 0; i < index.length; i++) {
      const base = index[i]! * 5;
      const v = value[i]!;
      s0 += v * w[base]!;
      s1 += v * w[base + 1]!;
      s2 += v * w[base + 2]!;
      s3 += v * w[base + 3]!;
      s4 += v * w[base + 4]!;
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
    out[4] = s4;
  }
}

export interface TrainOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
}

/** Trains in place with AdaGrad on cross-entropy; deterministic for a given seed and example order. */
export function trainLinear(model: LinearModel, xs: readonly SparseVector[], ys: readonly number[], opts: TrainOptions): void {
  const K = model.classes;
  const w = model.weights;
  const g2 = new Float32Array(w.length).fill(1e-8);
  const order = xs.map((_, i) => i);
  const rand = mulberry32(opts.seed);
  const p = new Float64Array(K);
  const { l2, learningRate: lr } = opts;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, rand);
    for (const i of order) {
      const x = xs[i]!;
      model.predict(x, p);
      p[ys[i]!]! -= 1; // p now holds the gradient of the loss by each class's score
      const { index, value } = x;
      for (let j = 0; j < index.length; j++) {
        const base = index[j]! * K;
        const v = value[j]!;
        for (let k = 0; k < K; k++) {
          const at = base + k;
          const grad = p[k]! * v + l2 * w[at]!;
          const g = (g2[at] = g2[at]! + grad * grad);
          w[at] = w[at]! - (lr * grad) / Math.sqrt(g);
        }
      }
    }
  }
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], rand: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
