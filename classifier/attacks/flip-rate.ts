import type { CorpusItem } from '../corpus/schema.js';
import type { Prediction } from '../evaluate.js';
import { mulberry32 } from '../model/linear-model.js';
import { applyAttack, ATTACK_KINDS, type AttackKind } from './apply.js';
import type { AttackPool } from './pool.js';

/** Of the positives a classifier caught, how many one attack of a kind un-flags; of the negatives, how many it flags. */
export interface AttackCounts {
  caught: number;
  flipped: number;
  negatives: number;
  negativesFlagged: number;
  /** Ids of the listings the attack un-flagged (positives) or flagged (negatives). */
  flippedIds: string[];
}
export type AttackReport = Record<AttackKind, AttackCounts>;

export const emptyAttackReport = (): AttackReport =>
  Object.fromEntries(ATTACK_KINDS.map((k) => [k, { caught: 0, flipped: 0, negatives: 0, negativesFlagged: 0, flippedIds: [] as string[] }])) as AttackReport;

export function addAttackReports(into: AttackReport, from: AttackReport): void {
  for (const k of ATTACK_KINDS) {
    into[k].caught += from[k].caught;
    into[k].flipped += from[k].flipped;
    into[k].negatives += from[k].negatives;
    into[k].negativesFlagged += from[k].negativesFlagged;
    into[k].flippedIds.push(...from[k].flippedIds);
  }
}

/**
 * Every listing under every attack kind, once each (deterministic: the seed and the listing's id pick
 * the cover). `before` holds the classifier's predictions on the listings as written.
 */
export function measureAttacks(
  items: readonly CorpusItem[],
  before: readonly Prediction[],
  classify: (item: CorpusItem) => Prediction,
  pool: AttackPool,
  seed = 7,
): AttackReport {
  const report = emptyAttackReport();
  items.forEach((item, i) => {
    const positive = item.label !== 'benign';
    if (positive && !before[i]!.flagged) return;
    let h = seed;
    for (let k = 0; k < item.id.length; k++) h = Math.imul(h ^ item.id.charCodeAt(k), 0x01000193);
    const rand = mulberry32(h);
    for (const kind of ATTACK_KINDS) {
      const flagged = classify(applyAttack(item, kind, pool, rand)).flagged;
      const c = report[kind];
      if (positive) {
        c.caught++;
        if (!flagged) {
          c.flipped++;
          c.flippedIds.push(item.id);
        }
      } else {
        c.negatives++;
        if (flagged) {
          c.negativesFlagged++;
          c.flippedIds.push(item.id);
        }
      }
    }
  });
  return report;
}
