import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { packagePath } from '../../config/index.js';
import type { Command } from 'commander';
import { Classifier } from '../../classifier/index.js';
import { loadCorpus } from '../../classifier/index.js';
import { splitCorpus, writerOf } from '../../classifier/index.js';
import { evaluate, isPoolName, POOL_NAMES } from '../../classifier/index.js';
import { loadLexicon } from '../../classifier/index.js';
import { parseNumberOption, UsageError } from '../fatal.js';
import { formatAttacks, formatCrossSource, formatEvaluation } from './eval-format.js';

export { formatEvaluation } from './eval-format.js';

/** Writers whose listings were never read while building (classifier/corpus/writers.json). */
function sealedWriters(): Set<string> {
  const path = packagePath('classifier', 'corpus', 'writers.json');
  if (!existsSync(path)) return new Set();
  const { writers } = JSON.parse(readFileSync(path, 'utf8')) as { writers: Record<string, { sealed?: boolean }> };
  return new Set(
    Object.entries(writers)
      .filter(([, w]) => w.sealed)
      .map(([id]) => id),
  );
}

interface EvalOptions {
  split: string;
  json?: boolean;
  errors: number;
  crossSource?: boolean;
  attacks?: boolean;
  writers?: string;
  trainingSplitOnly?: boolean;
  groups?: number;
  attackPool: string;
  modelCache?: string;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      'Measure the classifier: the shipped model on the held-out split, or (--cross-source, the headline) each writer under a model trained without it.',
    )
    .option('--split <name>', 'heldout, train or all', 'heldout')
    .option('--json', 'print the figures as JSON')
    .option('--errors <n>', 'list up to n misclassified listings', parseNumberOption('--errors', 0, 100000), 0)
    .option('--cross-source', 'leave-one-writer-out: train without each writer in turn and test on all of its listings (about 10 minutes on 2 cores)')
    .option(
      '--attacks',
      'also attack the listings (covers, title tags, denied covers, padding, lorem ipsum, repeats, noise) with the evaluation pool and print flip rates',
    )
    .option(
      '--attack-pool <name>',
      'eval (never trained or tuned on: the figure to report), dev (never trained on: to diagnose and tune) or train (the covers training was augmented with)',
      'eval',
    )
    .option(
      '--groups <n>',
      'with --cross-source: leave out n groups of writers instead of one writer at a time (a quick proxy for tuning; the headline is one at a time)',
      parseNumberOption('--groups', 1, 1000),
    )
    .option('--writers <list>', 'with --cross-source: only these writers (comma-separated id prefixes)')
    .option(
      '--training-split-only',
      "with --cross-source: test on the left-out writers' training-split listings only, sealed writers never (for tuning; the held-out split and the sealed writers stay unseen)",
    )
    .option(
      '--model-cache <dir>',
      'with --cross-source: keep each left-out model in dir and reuse it on the next run with the same corpus and lexicon (for tuning what happens after the model scores: empty dir after changing features or training)',
    )
    .addHelpText(
      'after',
      '\nThe flip rate of an attack is the share of listings the model caught that the attack un-flags. The\n' +
        'evaluation pool of attacks (classifier/attacks/data/eval-pool.json) was written apart from the\n' +
        'training pool and is never trained on. Progress goes to stderr.',
    )
    .action(async (opts: EvalOptions) => {
      const corpus = loadCorpus();
      const { train, heldOut } = splitCorpus(corpus.items);
      const items = { heldout: heldOut, train, all: corpus.items }[opts.split];
      if (!items) throw new UsageError(`--split must be heldout, train or all, not "${opts.split}"`);
      const writers = opts.writers
        ?.split(',')
        .map((w) => w.trim())
        .filter(Boolean);
      if ((writers || opts.trainingSplitOnly || opts.groups || opts.modelCache) && !opts.crossSource)
        throw new UsageError('--writers, --groups, --training-split-only and --model-cache go with --cross-source');
      if (!isPoolName(opts.attackPool)) throw new UsageError(`--attack-pool must be ${POOL_NAMES.join(', ')}, not "${opts.attackPool}"`);
      const attackPool = opts.attackPool;
      const known = new Set(corpus.items.map((i) => writerOf(i.id)));
      const unknown = writers?.filter((w) => !known.has(w)) ?? [];
      if (unknown.length > 0) throw new UsageError(`--writers: no corpus writer named ${unknown.join(', ')} (writers: ${[...known].sort().join(', ')})`);
      const progress = (m: string) => process.stderr.write(`eval: ${m}\n`);
      const out: Record<string, unknown> = {};

      if (opts.crossSource) {
        // Every left-out model is trained here from the corpus and lexicon: the shipped model is not used.
        const { crossSourceEvaluation } = await import('../../classifier/index.js');
        const lexicon = loadLexicon();
        const threads = availableParallelism();
        // Tuning never tests a sealed writer: its figure is reported by the full run only.
        const untested = opts.trainingSplitOnly ? [...sealedWriters()] : [];
        if (untested.length > 0) progress(`tuning: ${untested.length} sealed writers trained on, not tested (${untested.join(', ')})`);
        const report = await crossSourceEvaluation(lexicon, corpus.items, {
          attacks: opts.attacks,
          attackPool,
          writers,
          trainingSplitOnly: opts.trainingSplitOnly,
          untested,
          groups: opts.groups,
          modelCache: opts.modelCache,
          threads,
          progress,
        });
        const version = `trained per writer, lexicon ${lexicon.version}`;
        if (opts.json)
          Object.assign(out, {
            lexiconVersion: lexicon.version,
            crossSource: { ...report, overall: { ...report.overall, errors: report.overall.errors.slice(0, opts.errors) } },
          });
        else process.stdout.write(formatCrossSource(report, version, opts.errors, sealedWriters()));
      } else {
        const classifier = Classifier.load();
        out.modelVersion = classifier.version;
        const result = evaluate(classifier, items);
        if (opts.json) Object.assign(out, { split: opts.split, ...result, errors: result.errors.slice(0, opts.errors) });
        else process.stdout.write(formatEvaluation(opts.split, classifier.version, result, opts.errors));
        if (opts.attacks) {
          const { loadAttackPool } = await import('../../classifier/index.js');
          const { measureAttacks } = await import('../../classifier/index.js');
          const before = items.map((i) => classifier.classify(i));
          const report = measureAttacks(items, before, (i) => classifier.classify(i), loadAttackPool(attackPool));
          if (opts.json) out.attacks = report;
          else process.stdout.write(formatAttacks(`attacks (${attackPool} pool) on split ${opts.split}`, report));
        }
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    });
}
