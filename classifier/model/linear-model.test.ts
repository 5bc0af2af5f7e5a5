import { describe, expect, it } from 'vitest';
import { LinearModel, mulberry32 } from './linear-model.js';

/** Softmax of the scores summed class by class, feature by feature: the reference predict() must equal bit for bit. */
function reference(model: LinearModel, index: Int32Array, value: Float32Array): number[] {
  const K = model.classes;
  const scores = new Float64Array(K);
  for (let i = 0; i < index.length; i++) for (let k = 0; k < K; k++) scores[k]! += value[i]! * model.weights[index[i]! * K + k]!;
  const max = Math.max(...scores);
  const exp = [...scores].map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

describe('LinearModel.predict', () => {
  for (const classes of [5, 3]) {
    it(`gives the same probabilities as the plain sum, to the last bit (${classes} classes)`, () => {
      const rand = mulberry32(classes);
      const model = new LinearModel(
        10,
        classes,
        Float32Array.from({ length: (1 << 10) * classes }, () => rand() * 4 - 2),
      );
      for (let n = 0; n < 50; n++) {
        const length = Math.floor(rand() * 300);
        // Repeated buckets included: their additions must stay in the same order.
        const index = Int32Array.from({ length }, () => Math.floor(rand() * 64));
        const value = Float32Array.from({ length }, () => rand() * 3 - 1);
        expect([...model.predict({ index, value })]).toEqual(reference(model, index, value));
      }
    });
  }
});
