import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { packagePath } from '../../config/index.js';
import { z } from 'zod';
import { CATEGORIES, UserError } from '../../contracts/index.js';
import { LinearModel } from './linear-model.js';

/** The shipped model: classifier/model/shipped/model.json, rebuilt by `faceleak train`. */
export const SHIPPED_MODEL_PATH = packagePath('classifier', 'model', 'shipped', 'model.json');

// 3: the context and background blocks are averaged (model/features.ts); a /2 model read them scaled to a fixed length.
export const MODEL_FORMAT = 'faceleak-linear-model/3';
export const CLASSES = ['benign', ...CATEGORIES] as const;

const ModelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.string().min(1),
  lexiconVersion: z.string().min(1),
  corpusHash: z.string().min(1),
  classes: z.array(z.string()).refine((c) => c.join() === CLASSES.join(), `classes must be ${CLASSES.join(', ')}`),
  bits: z.number().int().min(10).max(24),
  textScale: z.number().positive(),
  contextScale: z.number().nonnegative(),
  backgroundScale: z.number().nonnegative(),
  minTextFeatures: z.number().int().nonnegative(),
  calibration: z.object({ a: z.number(), b: z.number() }),
  threshold: z.number().gt(0).lt(1),
  /** Scores in [reviewThreshold, threshold) are not flagged but need an investigator's look. */
  reviewThreshold: z.number().gt(0).lt(1),
  training: z.record(z.string(), z.union([z.number(), z.string()])),
  /** Base64 little-endian Int32 bucket indices, ascending. */
  buckets: z.string(),
  /** Base64 little-endian Float32, `classes.length` values per bucket. */
  weights: z.string(),
});

export type ModelMeta = Omit<z.infer<typeof ModelFileSchema>, 'buckets' | 'weights' | 'format'>;

export interface LoadedModel {
  readonly meta: ModelMeta;
  readonly model: LinearModel;
}

export class ModelFileError extends UserError {
  override name = 'ModelFileError';
}

export function saveModel(path: string, meta: ModelMeta, model: LinearModel): void {
  const K = model.classes;
  const buckets: number[] = [];
  const values: number[] = [];
  for (let bucket = 0; bucket < 1 << model.bits; bucket++) {
    let keep = false;
    for (let k = 0; k < K; k++) if (Math.abs(model.weights[bucket * K + k]!) > 1e-5) keep = true;
    if (!keep) continue;
    buckets.push(bucket);
    for (let k = 0; k < K; k++) values.push(model.weights[bucket * K + k]!);
  }
  const file = {
    format: MODEL_FORMAT,
    ...meta,
    buckets: Buffer.from(Int32Array.from(buckets).buffer).toString('base64'),
    weights: Buffer.from(Float32Array.from(values).buffer).toString('base64'),
  };
  // Write then rename: a crash mid-write must not leave a half model where the shipped one was.
  writeFileSync(`${path}.tmp`, `${JSON.stringify(file, null, 1)}\n`);
  renameSync(`${path}.tmp`, path);
}

export function loadModel(path: string = SHIPPED_MODEL_PATH): LoadedModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ModelFileError(`cannot read model ${path}: ${(error as Error).message}. Run \`faceleak train\` to build it.`);
  }
  const parsed = ModelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelFileError(`model ${path} is not a ${MODEL_FORMAT} file: ${issue.path.join('.')}: ${issue.message}`);
  }
  const { buckets: b64Buckets, weights: b64Weights, format: _format, ...meta } = parsed.data;
  const buckets = toInt32(b64Buckets);
  const values = toFloat32(b64Weights);
  const K = CLASSES.length;
  if (values.length !== buckets.length * K) throw new ModelFileError(`model ${path}: ${values.length} weights for ${buckets.length} buckets × ${K} classes`);
  const model = new LinearModel(meta.bits, K);
  const size = 1 << meta.bits;
  for (let i = 0; i < buckets.length; i++) {
    const bucket = buckets[i]!;
    if (bucket < 0 || bucket >= size) throw new ModelFileError(`model ${path}: bucket ${bucket} outside 2^${meta.bits}`);
    for (let k = 0; k < K; k++) model.weights[bucket * K + k] = values[i * K + k]!;
  }
  return { meta, model };
}

function toInt32(b64: string): Int32Array {
  const buf = Buffer.from(b64, 'base64');
  return new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function toFloat32(b64: string): Float32Array {
  const buf = Buffer.from(b64, 'base64');
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}
