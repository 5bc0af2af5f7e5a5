import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../../contracts/index.js';
import { LabelSchema } from '../../corpus/schema.js';

/**
 * A folder of writer sets for the discovery evaluation: each writer X is `X.jsonl` (listings with a
 * label, a category or "benign") and `X.terms.json` (the jargon the writer invented, with its
 * variants). Only the evaluation reads these; discovery never sees the labels or the terms.
 */
export const WriterListingSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  price: z.union([z.string(), z.number()]).transform(String).optional(),
  label: LabelSchema,
  lang: z.string().optional(),
  hardNegative: z.boolean().default(false),
  place: z.string().optional(),
});
export type WriterListing = z.infer<typeof WriterListingSchema>;

export const WriterTermSchema = z.object({
  term: z.string().min(1),
  variants: z.array(z.string().min(1)).default([]),
  // Only compared with a candidate's category, so a writer's own name for one does no harm.
  category: z.string().default(''),
  meaning: z.string().optional(),
});
export type WriterTerm = z.infer<typeof WriterTermSchema>;

export interface WriterSet {
  readonly name: string;
  readonly listings: readonly WriterListing[];
  readonly terms: readonly WriterTerm[];
}

export class WriterSetError extends UserError {
  override name = 'WriterSetError';
}

function parseJson(path: string, text: string, line?: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WriterSetError(`${path}${line ? `:${line}` : ''}: not JSON: ${(error as Error).message}`);
  }
}

function check<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new WriterSetError(`${where}: ${issue.path.join('.')}: ${issue.message}`);
}

/** Every writer of a folder, in name order: each `X.jsonl` with its `X.terms.json`. */
export function loadWriterSets(dir: string): WriterSet[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) throw new WriterSetError(`no writer sets (*.jsonl with *.terms.json) in ${dir}`);
  return files.map((file) => {
    const name = basename(file, '.jsonl');
    const path = join(dir, file);
    const listings = readFileSync(path, 'utf8')
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, i }) => check(WriterListingSchema, parseJson(path, line, i + 1), `${path}:${i + 1}`));
    const termsPath = join(dir, `${name}.terms.json`);
    let raw: string;
    try {
      raw = readFileSync(termsPath, 'utf8');
    } catch {
      throw new WriterSetError(`${path} has no answer file ${termsPath}`);
    }
    const terms = check(z.array(WriterTermSchema).min(1), parseJson(termsPath, raw), termsPath);
    return { name, listings, terms };
  });
}
