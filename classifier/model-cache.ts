import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CorpusItem } from './corpus/schema.js';
import type { Lexicon } from './lexicon/load.js';
import { loadModel, MODEL_FORMAT, saveModel, type LoadedModel } from './model/model-file.js';
import type { TrainConfig } from './model/train.js';

/**
 * Where a left-out model of a cross-source run is kept between runs (`faceleak eval --model-cache DIR`):
 * named by what it was trained from (the training listings, the lexicon, the training config and the
 * model format), so a changed corpus or lexicon trains anew. What the name cannot see is the training
 * code itself (features, augmentation): the cache is for changes made after training (floors, framing,
 * evidence), and is emptied by hand when the features change. A tuning run that only re-classifies
 * takes a minute instead of ten.
 */
export function modelCachePath(dir: string, unit: string, lexicon: Lexicon, train: readonly CorpusItem[], config: TrainConfig): string {
  const h = createHash('sha256').update(MODEL_FORMAT).update(lexicon.version).update(JSON.stringify(config));
  for (const item of train) h.update(JSON.stringify(item));
  return join(dir, `${unit.replaceAll('+', '_')}-${h.digest('hex').slice(0, 16)}.json`);
}

/** The cached model at `path`, else `train()`'s, saved there first. Weights are kept as Float32 (as the shipped model is). */
export function cachedModel(path: string | null, train: () => LoadedModel): LoadedModel {
  if (path === null) return train();
  if (existsSync(path)) return loadModel(path);
  const trained = train();
  mkdirSync(dirname(path), { recursive: true });
  saveModel(path, trained.meta, trained.model);
  return loadModel(path);
}
