import { createHash } from 'node:crypto';
import type { CorpusItem } from './schema.js';

/**
 * The held-out split: a quarter of the corpus, chosen by a hash of each listing's id, so the choice
 * never changes as the corpus grows and no augmentation, tuning or training ever sees these listings.
 */
export const HELD_OUT_PERCENT = 25;

export function isHeldOut(id: string): boolean {
  const h = createHash('sha256').update(`faceleak-heldout:${id}`).digest();
  return h.readUInt32BE(0) % 100 < HELD_OUT_PERCENT;
}

export function splitCorpus(items: readonly CorpusItem[]): { train: CorpusItem[]; heldOut: CorpusItem[] } {
  const train: CorpusItem[] = [];
  const heldOut: CorpusItem[] = [];
  for (const item of items) (isHeldOut(item.id) ? heldOut : train).push(item);
  return { train, heldOut };
}

/** The writer of a corpus listing: the id's prefix, one per data file (decision-123 → decision). */
export const writerOf = (id: string): string => id.slice(0, Math.max(0, id.indexOf('-')));

/**
 * Cross-validation folds by writer: every listing of a writer in the same fold, folds filled largest
 * writer first into the smallest fold. Out-of-fold scores then come from models that never saw the
 * writer, as a new marketplace's listings will, so the calibration and thresholds chosen on them hold
 * for writers the model has not seen.
 */
export function foldsByWriter(items: readonly CorpusItem[], folds: number): number[] {
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(writerOf(item.id), (sizes.get(writerOf(item.id)) ?? 0) + 1);
  const load = new Array<number>(folds).fill(0);
  const foldOf = new Map<string, number>();
  for (const [writer, size] of [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const f = load.indexOf(Math.min(...load));
    foldOf.set(writer, f);
    load[f]! += size;
  }
  return items.map((item) => foldOf.get(writerOf(item.id))!);
}
