// The classifier's public face for Node code (the command, the pipeline, the server). The extension
// imports classifier/portable.ts instead: the same rules without Node built-ins.
export * from './classify.js';
export * from './listing-line.js';
export * from './evaluate.js';
export * from './cross-source.js';
export * from './corpus/split.js';
export * from './corpus/load.js';
export * from './corpus/from-decisions.js';
export * from './model/model-file.js';
export * from './model/train.js';
export * from './lexicon/load.js';
export * from './attacks/apply.js';
export * from './attacks/flip-rate.js';
export * from './attacks/pool.js';
export * from './discover/index.js';
export type { ListingFields } from './rules/analyze.js';
