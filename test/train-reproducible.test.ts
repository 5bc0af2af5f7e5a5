import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../classifier/corpus/load.js';
import { SHIPPED_MODEL_PATH } from '../classifier/model/model-file.js';
import { runCli } from './helpers/run-cli.js';

describe('faceleak train', () => {
  it('rebuilds exactly the shipped model from the corpus in the repo', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'train-')), 'model.json');
    const r = await runCli(['train', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/held out and never seen/);
    const rebuilt = JSON.parse(readFileSync(out, 'utf8'));
    const shipped = JSON.parse(readFileSync(SHIPPED_MODEL_PATH, 'utf8'));
    // The shipped model must be trained on the corpus as it is now, and training must be deterministic.
    expect(shipped.corpusHash).toBe(loadCorpus().hash);
    expect(rebuilt.version).toBe(shipped.version);
    expect(rebuilt.weights).toBe(shipped.weights);
  }, 300_000);
});
