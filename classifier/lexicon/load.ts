import { readFileSync } from 'node:fs';
import { packagePath } from '../../config/index.js';
import { buildLexicon, LEXICON_FILE_NAMES, LexiconError, type Lexicon, type LexiconFiles } from './build.js';
import type { LexiconOverlay } from './overlay.js';

// The lexicon's types and its pure builder live in build.ts (the extension bundles that); this file reads the data from disk.
export * from './build.js';

const DATA_DIR = `${packagePath('classifier', 'lexicon', 'data')}/`;

/** The lexicon from its data folder (the shipped one by default), with an overlay of approved terms if given. */
export function loadLexicon(dir: string = DATA_DIR, overlay?: LexiconOverlay): Lexicon {
  const files = {} as LexiconFiles;
  for (const name of LEXICON_FILE_NAMES) {
    const path = `${dir}${name}.json`;
    try {
      files[name] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new LexiconError(`cannot read lexicon file ${path}: ${(error as Error).message}`);
    }
  }
  return buildLexicon(files, overlay, dir);
}
