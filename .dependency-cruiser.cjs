/**
 * The house rules for imports (`npm run lint` runs this). Layers, lowest first; a folder may import
 * its own layer's folders and any lower layer, never a higher one:
 *   contracts, config, text, privacy  ←  classifier, extract, store, queue, link  ←  crawler  ←  pipeline
 *   ←  server, cli, demo  ←  web, extension
 * Across folders, code imports a folder's public face (its index.ts; the classifier also has
 * portable.ts for the browser, without Node built-ins, and run.ts for classifying alone). No import circles, type-only ones included.
 */
const LAYERS = [
  ['contracts', 'config', 'text', 'privacy'],
  ['classifier', 'extract', 'store', 'queue', 'link'],
  ['crawler'],
  ['pipeline'],
  ['server', 'cli', 'demo'],
  ['web', 'extension'],
];
const folders = (layers) => `^(${layers.flat().join('|')})/`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} must not import a higher layer`,
  severity: 'error',
  from: { path: folders([layer]), pathNot: '\\.test\\.ts$' },
  to: { path: folders(LAYERS.slice(i + 1)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'a file must not import (even a type from) a file that imports it back',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'through-public-face',
      comment: 'across folders, import a folder through its index.ts (or classifier/portable.ts)',
      severity: 'error',
      from: { path: '^([a-z]+)/', pathNot: ['\\.test\\.ts$', '^(test|bench|scripts)/'] },
      to: {
        path: folders(LAYERS),
        pathNot: ['^$1/', '^[a-z]+/index\\.ts$', '^classifier/portable\\.ts$', '^classifier/run\\.ts$', '^contracts/api\\.ts$', '\\.(json|lua|css|html)$'],
      },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|coverage|extension/dist)/' },
  },
};
