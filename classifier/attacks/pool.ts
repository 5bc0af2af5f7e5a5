import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { packagePath } from '../../config/index.js';

/**
 * Attack material: sentences a seller adds to an illicit listing to borrow an innocent context.
 * Three pools: `train-pool.json`, written by the team, augments training; `dev-pool.json`, written
 * apart by another hand and never trained on, is for diagnosing and tuning; `eval-pool.json`, written
 * independently, never trained or tuned on, is what `faceleak eval --attacks` reports.
 */
const Lang = z.enum(['zh', 'en']);
const Line = z.object({ lang: Lang, text: z.string().min(1) });

export const AttackPoolSchema = z.object({
  comment: z.string().optional(),
  covers: z.array(Line.extend({ kind: z.string().min(1) })).min(1),
  titleTags: z.array(Line).min(1),
  negatedCovers: z.array(Line).min(1),
  padding: z.array(Line).min(1),
});
export type AttackPool = z.infer<typeof AttackPoolSchema>;
export const POOL_NAMES = ['eval', 'dev', 'train'] as const;
export type PoolName = (typeof POOL_NAMES)[number];
export const isPoolName = (name: string): name is PoolName => (POOL_NAMES as readonly string[]).includes(name);

const cache = new Map<PoolName, AttackPool>();

export function loadAttackPool(name: PoolName): AttackPool {
  let pool = cache.get(name);
  if (!pool) {
    const path = packagePath('classifier', 'attacks', 'data', `${name}-pool.json`);
    pool = AttackPoolSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    cache.set(name, pool);
  }
  return pool;
}
