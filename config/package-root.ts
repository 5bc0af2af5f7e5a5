import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json. Code runs both from the source tree (tsx, vitest) and from dist/
 * (the built command), but data files (lexicon, model, corpus) live only in the source tree.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('faceleak: cannot find package.json above the classifier');
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();

export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
