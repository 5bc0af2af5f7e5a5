import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../config/index.js';
import { CorpusItemSchema, type CorpusItem } from './schema.js';
import { UserError } from '../../contracts/index.js';

export const CORPUS_DIR = packagePath('classifier', 'corpus', 'data');

export class CorpusError extends UserError {
  override name = 'CorpusError';
}

export interface Corpus {
  readonly items: readonly CorpusItem[];
  /** SHA-256 over the files in name order: the model records what it was trained on. */
  readonly hash: string;
}

/** Reads every *.jsonl file of `dir` in name order; a bad line is an error naming file and line. */
export function loadCorpus(dir: string = CORPUS_DIR, extraFiles: readonly string[] = []): Corpus {
  const files = [
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => join(dir, f)),
    ...extraFiles,
  ];
  if (files.length === 0) throw new CorpusError(`no *.jsonl files in ${dir}`);
  const hash = createHash('sha256');
  const items: CorpusItem[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const raw = readFileSync(file, 'utf8');
    hash.update(raw);
    raw.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new CorpusError(`${file}:${i + 1}: not JSON: ${(error as Error).message}`);
      }
      const parsed = CorpusItemSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new CorpusError(`${file}:${i + 1}: ${issue.path.join('.')}: ${issue.message}`);
      }
      if (ids.has(parsed.data.id)) throw new CorpusError(`${file}:${i + 1}: duplicate id ${parsed.data.id}`);
      ids.add(parsed.data.id);
      items.push(parsed.data);
    });
  }
  return { items, hash: hash.digest('hex') };
}
