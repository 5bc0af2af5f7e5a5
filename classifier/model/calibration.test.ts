import { describe, expect, it } from 'vitest';
import { applyCalibration, fitCalibration } from './calibration.js';

describe('fitCalibration', () => {
  it('pulls over-confident scores toward the observed rate', () => {
    // Raw scores of 0.99 that are right only 70% of the time should come out near 0.7.
    const raw = Array.from({ length: 200 }, (_, i) => (i < 100 ? 0.99 : 0.01));
    const labels = raw.map((r, i) => (r > 0.5 ? i % 10 < 7 : i % 10 < 1));
    const c = fitCalibration(raw, labels);
    expect(applyCalibration(c, 0.99)).toBeGreaterThan(0.6);
    expect(applyCalibration(c, 0.99)).toBeLessThan(0.8);
    expect(applyCalibration(c, 0.01)).toBeLessThan(0.2);
  });

  it('keeps the order of scores', () => {
    const raw = [0.1, 0.2, 0.4, 0.6, 0.8, 0.9];
    const c = fitCalibration(raw, [false, false, true, false, true, true]);
    const out = raw.map((r) => applyCalibration(c, r));
    expect([...out].sort((x, y) => x - y)).toEqual(out);
  });
});
