import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../classifier/lexicon/load.js';
import { findTerms } from '../src/background/term-finder.js';
import { nodeFreePlugin } from './node-free-plugin.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bundles `source` (resolved from extension/src) for the browser, as the extension build does. */
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: join(ROOT, 'extension', 'src'), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    plugins: [nodeFreePlugin()],
  });
  return result.outputFiles[0]!.text;
}

interface Bundled {
  bundledLexicon: () => { version: string };
  findTerms: typeof findTerms;
  readListing: (html: string, url: string) => { title: string | null; sources: string[] };
}

describe('the extension bundle of the classifier and crawler code', () => {
  it('runs the same lexicon, rules and extraction as the server, from the same data files', async () => {
    const code = await bundle(`
      export { bundledLexicon } from './background/term-finder.js';
      export { findTerms } from './background/term-finder.js';
      export { readListing } from './extract/read-listing.js';`);
    expect(code).not.toMatch(/from\s*["']node:/);
    const bundled = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Bundled;
    // Same version string: the same data files, built by the same pure code.
    expect(bundled.bundledLexicon().version).toBe(loadLexicon().version);
    const text = '出 手.持.身.份.证 高清原图 五毛一张 加V详聊';
    expect(bundled.findTerms(text)).toEqual(findTerms(text));
    expect(bundled.readListing('<html><head><title>t</title></head><body><h1>人脸四件套</h1></body></html>', 'https://m.example/').title).toBe('人脸四件套');
  }, 60_000);

  it('refuses other Node-only modules, naming the importer', async () => {
    await expect(bundle(`import { readFileSync } from 'node:fs'; console.log(readFileSync);`)).rejects.toThrow(
      /node:fs is Node-only; the extension cannot bundle it/,
    );
  });
});
