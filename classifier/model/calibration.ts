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

/**
 * Fits a and b by Newton's method with backtracking on log-loss (Lin, Lin & Weng's version of
 * Platt's algorithm), with Platt's target smoothing against over-confidence.
 */
export function fitCalibration(raw: readonly number[], labels: readonly boolean[]): Calibration {
  const nPos = labels.filter(Boolean).length;
  const nNeg = labels.length - nPos;
  const targets = labels.map((l) => (l ? (nPos + 1) / (nPos + 2) : 1 / (nNeg + 2)));
  const xs = raw.map(logit);
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < xs.length; i++) {
      const z = a * xs[i]! + b;
      // log(1 + e^z) - t·z, written to stay finite for large |z|
      sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - targets[i]! * z;
    }
    return sum;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let gA = 0,
      gB = 0,
      hAA = 1e-12,
      hAB = 0,
      hBB = 1e-12;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const d = p - targets[i]!;
      const s = p * (1 - p);
      gA += d * x;
      gB += d;
      hAA += s * x * x;
      hAB += s * x;
      hBB += s;
    }
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(gA) + Math.abs(gB) < 1e-9 || det <= 0) break;
    const da = (hBB * gA - hAB * gB) / det;
    const db = (hAA * gB - hAB * gA) / det;
    let step = 1;
    while (step > 1e-10 && loss(a - step * da, b - step * db) > current) step /= 2;
    if (step <= 1e-10) break;
    a -= step * da;
    b -= step * db;
    current = loss(a, b);
  }
  return { a, b };
}
