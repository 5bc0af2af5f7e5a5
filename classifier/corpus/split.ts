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
