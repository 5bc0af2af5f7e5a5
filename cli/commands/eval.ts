import type { Command } from 'commander';
import type { SourceResult } from '../../classifier/cross-source.js';
import { Classifier } from '../../classifier/classify.js';
import { loadCorpus } from '../../classifier/corpus/load.js';
import { splitCorpus } from '../../classifier/corpus/split.js';
import { evaluate, type Evaluation, type Prf } from '../../classifier/evaluate.js';
import { parseNumberOption, UsageError } from '../fatal.js';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Measure the shipped model on the held-out split (never trained or tuned on).')
    .option('--split <name>', 'heldout, train or all', 'heldout')
    .option('--json', 'print the figures as JSON')
    .option('--errors <n>', 'list up to n misclassified listings', parseNumberOption('--errors', 0, 100000), 0)
    .option('--cross-source', 'also train without each corpus file in turn and test on it (writers the model never saw; ~1 min)')
    .action(async (opts: { split: string; json?: boolean; errors: number; crossSource?: boolean }) => {
      const corpus = loadCorpus();
      const { train, heldOut } = splitCorpus(corpus.items);
      const items = { heldout: heldOut, train, all: corpus.items }[opts.split];
      if (!items) throw new UsageError(`--split must be heldout, train or all, not "${opts.split}"`);
      const classifier = Classifier.load();
      const result = evaluate(classifier, items);
      if (opts.json) process.stdout.write(`${JSON.stringify({ split: opts.split, modelVersion: classifier.version, ...result, errors: result.errors.slice(0, opts.errors) }, null, 2)}\n`);
      else process.stdout.write(formatEvaluation(opts.split, classifier.version, result, opts.errors));
      if (opts.crossSource) {
        const { crossSourceEvaluation } = await import('../../classifier/cross-source.js');
        const rows = crossSourceEvaluation(classifier.lexicon, corpus.items, { progress: (m) => process.stderr.write(`eval: ${m}\n`) });
        process.stdout.write(formatCrossSource(rows));
      }
    });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (name: string, m: Prf) => `  ${name.padEnd(18)} ${m.precision.toFixed(3)}     ${m.recall.toFixed(3)}  ${m.f1.toFixed(3)}  ${String(m.support).padStart(5)}\n`;

export function formatEvaluation(split: string, version: string, r: Evaluation, errors: number): string {
  let s = `split ${split}: ${r.listings} listings, model ${version}\n\n`;
  s += `  ${''.padEnd(18)} precision  recall  F1     positives\n`;
  s += row('all (flagged)', r.overall);
  for (const [k, m] of Object.entries(r.perCategory)) s += row(k, m);
  s += '\n  by language\n';
  for (const [k, m] of Object.entries(r.perLanguage).sort()) s += row(k, m);
  s += `\n  hard-negative false-positive rate  ${pct(r.hardNegativeFalsePositiveRate)} of ${r.hardNegatives}\n`;
  s += `  evasive recall                     ${pct(r.evasiveRecall)} of ${r.evasivePositives}\n`;
  s += `  category accuracy (true positives) ${pct(r.categoryAccuracy)} of ${r.overall.tp}\n`;
  if (errors > 0) {
    s += '\n  errors (id, label → predicted, score)\n';
    for (const e of r.errors.slice(0, errors)) s += `  ${e.id}  ${e.label} → ${e.predicted}  ${e.score}\n`;
  }
  return s;
}

const opt = (x: number | null) => (x === null ? '     -' : pct(x).padStart(6));

function formatCrossSource(rows: readonly SourceResult[]): string {
  let s = '\nleave-one-source-out (each corpus file is one writer; trained without it, tested on all of it)\n';
  s += '  source  listings  recall  evasive  category  false-positive rate\n';
  for (const r of rows) s += `  ${r.source.padEnd(7)} ${String(r.listings).padStart(8)}  ${opt(r.recall)}  ${opt(r.evasiveRecall)}    ${opt(r.categoryAccuracy)}  ${opt(r.falsePositiveRate)}\n`;
  return s;
}
