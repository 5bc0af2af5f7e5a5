import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Lets the extension bundle the classifier's lexicon code unchanged, with the lexicon data as its one
 * source of truth. classifier/lexicon/load.ts reads its JSON files with node:fs from a folder found by
 * classifier/package-root.ts, and names the lexicon version with a SHA-256 from node:crypto. In the
 * bundle these three imports become small modules made here at build time:
 *
 * - package-root: `packagePath(...parts)` joins the parts with '/', so paths stay relative;
 * - node:fs: `readFileSync` serves the lexicon data files, read from classifier/lexicon/data/ now;
 * - node:crypto: `createHash('sha256')` answers the one digest load.ts asks for (the data files in its
 *   order) with the value computed here; any other input throws, so a change in load.ts shows up.
 *
 * Any other node: import in the bundles fails the build: extension code runs in a browser.
 */

// The files and order of loadLexicon's hash (classifier/lexicon/load.ts).
const LEXICON_FILES = ['terms.json', 'signals.json', 'contexts.json', 'emoji.json', 'parts.json', 'negation.json'] as const;
const LEXICON_DIR = 'classifier/lexicon/data';

const ns = 'faceleak-shared';

function lexiconModules(root: string): { fs: string; crypto: string } {
  const files = Object.fromEntries(LEXICON_FILES.map((name) => [`${LEXICON_DIR}/${name}`, readFileSync(join(root, LEXICON_DIR, name), 'utf8')]));
  const digest = createHash('sha256').update(Object.values(files).join('')).digest('hex');
  const fs = `const FILES = ${JSON.stringify(files)};
export const LEXICON_TEXT = ${JSON.stringify(LEXICON_FILES.map((n) => `${LEXICON_DIR}/${n}`))}.map((p) => FILES[p]).join('');
export function readFileSync(path) {
  const text = FILES[path];
  if (text === undefined) throw new Error('faceleak extension: ' + path + ' is not bundled');
  return text;
}`;
  const crypto = `import { LEXICON_TEXT } from 'node:fs';
export function createHash(algorithm) {
  let input = '';
  return {
    update(text) { input += text; return this; },
    digest(encoding) {
      if (algorithm !== 'sha256' || encoding !== 'hex' || input !== LEXICON_TEXT) throw new Error('faceleak extension: only the lexicon digest is bundled');
      return ${JSON.stringify(digest)};
    },
  };
}`;
  return { fs, crypto };
}

/** The esbuild plugin; `root` is the package root (the folder of package.json). */
export function sharedCodePlugin(root: string): Plugin {
  const modules = lexiconModules(root);
  const lexiconLoader = join(root, 'classifier', 'lexicon', 'load.ts');
  return {
    name: 'faceleak-shared-code',
    setup(build) {
      build.onResolve({ filter: /package-root\.js$/ }, (args) => {
        if (!args.importer.startsWith(join(root, 'classifier') + sep)) return undefined;
        return { path: 'package-root', namespace: ns };
      });
      build.onResolve({ filter: /^node:/ }, (args) => {
        const fromShim = args.namespace === ns;
        if ((args.importer === lexiconLoader || fromShim) && (args.path === 'node:fs' || args.path === 'node:crypto')) {
          return { path: args.path, namespace: ns };
        }
        return { errors: [{ text: `${args.path} is Node-only; the extension cannot bundle it (imported by ${args.importer})` }] };
      });
      build.onLoad({ filter: /.*/, namespace: ns }, (args) => {
        if (args.path === 'package-root') {
          return { contents: "export const PACKAGE_ROOT = '';\nexport const packagePath = (...parts) => parts.join('/');", loader: 'js' };
        }
        return { contents: args.path === 'node:fs' ? modules.fs : modules.crypto, loader: 'js', resolveDir: root };
      });
    },
  };
}
