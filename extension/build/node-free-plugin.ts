import type { Plugin } from 'esbuild';

/**
 * The extension runs in browsers: any node: import reaching its bundles fails the build, naming the
 * importer. The classifier and extraction code the extension shares are pure (classifier/portable.ts,
 * extract/), and the lexicon's data files are bundled as JSON (src/background/lexicon-data.ts).
 */
export function nodeFreePlugin(): Plugin {
  return {
    name: 'faceleak-node-free',
    setup(build) {
      build.onResolve({ filter: /^node:/ }, (args) => ({
        errors: [{ text: `${args.path} is Node-only; the extension cannot bundle it (imported by ${args.importer})` }],
      }));
    },
  };
}
