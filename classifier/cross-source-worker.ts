import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from './corpus/load.js';
import { runWriter, type CrossSourceOptions } from './cross-source.js';
import { loadLexicon } from './lexicon/load.js';

/** One left-out writer, trained and tested in a worker thread (see crossSourceEvaluation). */
const { writer, options } = workerData as { writer: string; options: CrossSourceOptions };
parentPort!.postMessage(runWriter(loadLexicon(), loadCorpus().items, writer, options));
