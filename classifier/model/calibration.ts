/**
 * Platt scaling: score = sigmoid(a · logit(raw) + b), fitted on out-of-fold predictions so the
 * score reads as a probability on listings the model did not train on.
 */
export interface Calibration {
  readonly a: number;
  readonly b: number;
}

const EPS = 1e-6;

export function logit(p: number): number {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
}

export function applyCalibration(c: Calibration, raw: number): number {
  return 1 / (1 + Math.exp(-(c.a * logit(raw) + c.b)));
}

/** Fits a and b by Newton's method on log-loss, with Platt's target smoothing against over-confidence. */
export function fitCalibration(raw: readonly number[], labels: readonly boolean[]): Calibration {
  const nPos = labels.filter(Boolean).length;
  const nNeg = labels.length - nPos;
  const tPos = (nPos + 1) / (nPos + 2);
  const tNeg = 1 / (nNeg + 2);
  const xs = raw.map(logit);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let gA = 0, gB = 0, hAA = 1e-9, hAB = 0, hBB = 1e-9;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const d = p - (labels[i] ? tPos : tNeg);
      const s = p * (1 - p);
      gA += d * x;
      gB += d;
      hAA += s * x * x;
      hAB += s * x;
      hBB += s;
    }
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(det) < 1e-12) break;
    const da = (hBB * gA - hAB * gB) / det;
    const db = (hAA * gB - hAB * gA) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}
