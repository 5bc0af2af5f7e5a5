import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { labelsFromDecisions } from '../../classifier/index.js';
import { loadCorpus } from '../../classifier/index.js';
import { splitCorpus } from '../../classifier/index.js';
import { loadLexicon } from '../../classifier/index.js';
import { saveModel, SHIPPED_MODEL_PATH } from '../../classifier/index.js';
import { evaluatePredictions } from '../../classifier/index.js';
import { parseNumberOption } from '../fatal.js';
import { cliActor } from '../with-store.js';
import { formatEvaluation } from './eval.js';

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('Rebuild the model from the corpus in the repo (held-out split excluded). Same corpus and lexicon, same model.')
    .option('--out <file>', 'where to write the model', SHIPPED_MODEL_PATH)
    .option('--cv-report', 'print cross-validation figures of the training split (for tuning: the held-out split stays unseen)')
    .option('--with-decisions', "add investigators' confirmed and dismissed listings from the store (DATABASE_URL) to the training listings")
    .option('--errors <n>', 'with --cv-report, list up to n cross-validation errors', parseNumberOption('--errors', 0, 100000), 0)
    .addHelpText(
      'after',
      '\nProgress goes to stderr; the summary (model version, threshold, listings) to stdout.\n' +
        'With --with-decisions, decisions only ever join the training side: the held-out figures stay comparable.',
    )
    .action(async (opts: { out: string; cvReport?: boolean; withDecisions?: boolean; errors: number }) => {
      // Loaded here, not at start-up: training pulls in augmentation dictionaries other commands never need.
      const { DEFAULT_TRAIN_CONFIG, trainModel } = await import('../../classifier/index.js');
      const started = performance.now();
      const lexicon = loadLexicon();
      const corpus = loadCorpus();
      const { train, heldOut } = splitCorpus(corpus.items);
      const progress = (m: string) => process.stderr.write(`train: ${m} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
      let corpusHash = corpus.hash;
      if (opts.withDecisions) {
        const labels = await decisionLabels();
        progress(
          `decisions: ${labels.confirmed} confirmed and ${labels.dismissed} dismissed listings added${labels.skipped ? `, ${labels.skipped} confirmed without a category left out` : ''}`,
        );
        train.push(...labels.items);
        corpusHash = createHash('sha256').update(corpus.hash).update(labels.hash).digest('hex');
      }
      progress(`${train.length} training listings, ${heldOut.length} held out and never seen`);
      const { meta, model, outOfFold } = trainModel(lexicon, train, corpusHash, DEFAULT_TRAIN_CONFIG, progress);
      saveModel(opts.out, meta, model);
      if (opts.cvReport) {
        const predictions = outOfFold.map((o) => ({
          flagged: o.score >= meta.threshold,
          category: o.score >= meta.threshold ? o.category : null,
          score: Math.round(o.score * 1e4) / 1e4,
        }));
        process.stderr.write(formatEvaluation('cross-validation (training split)', meta.version, evaluatePredictions(train, predictions), opts.errors));
      }
      process.stdout.write(`model ${meta.version} written to ${opts.out}\n`);
      process.stdout.write(
        `threshold ${meta.threshold}, calibration a=${meta.calibration.a.toFixed(3)} b=${meta.calibration.b.toFixed(3)}, lexicon ${meta.lexiconVersion}\n`,
      );
    });
}

/** Investigators' decisions from the store as labels; reading their text is written to the audit log. */
async function decisionLabels() {
  const { audit, decidedListings, openStore } = await import('../../store/index.js');
  const store = await openStore(loadConfig());
  try {
    const labels = labelsFromDecisions(await decidedListings(store));
    await audit(store, cliActor(), 'train', null, JSON.stringify({ confirmed: labels.confirmed, dismissed: labels.dismissed }));
    return labels;
  } finally {
    await store.close();
  }
}
