import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../classifier/corpus/load.js';
import { splitCorpus } from '../classifier/corpus/split.js';
import type { CorpusItem } from '../classifier/corpus/schema.js';
import { Classifier } from '../classifier/classify.js';
import { evaluate, evaluatePredictions, type Evaluation } from '../classifier/evaluate.js';
import { packagePath } from '../config/package-root.js';
import { mulberry32 } from '../classifier/model/linear-model.js';
import { keywordBaseline } from './keyword-baseline.js';
import { naturalBayesBaseline } from './natural-baseline.js';
import { measureProcess } from './measure-process.js';

const LISTINGS = 100_000;
const WHOLE_LISTINGS = 30_000;

/**
 * Listings drawn from the corpus: `typical` cuts each to a title and the start of a description, about
 * 60 characters (what most marketplace titles and snippets are); `whole` keeps every field as written
 * (long posts included, ~150 characters on average).
 */
function corpusListings(items: readonly CorpusItem[], n: number, whole: boolean): string {
  const rand = mulberry32(7);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[Math.floor(rand() * items.length)]!;
    const title = item.title ?? '';
    const description = whole ? (item.description ?? '') : (item.description ?? '').slice(0, Math.max(0, 60 - title.length));
    lines.push(JSON.stringify({ id: String(i), title, description, price: item.price }));
  }
  return `${lines.join('\n')}\n`;
}

const f = (x: number, d = 3) => x.toFixed(d);
const line = (name: string, e: Evaluation) =>
  `| ${name} | ${f(e.overall.f1)} | ${f(e.overall.precision)} | ${f(e.overall.recall)} | ${f(e.hardNegativeFalsePositiveRate * 100, 1)}% | ${f(e.evasiveRecall * 100, 1)}% |`;

export async function benchClassifier(): Promise<void> {
  const corpus = loadCorpus();
  const { train, heldOut } = splitCorpus(corpus.items);
  const dir = mkdtempSync(join(tmpdir(), 'faceleak-bench-'));
  const input = join(dir, 'listings.jsonl');
  writeFileSync(input, corpusListings(corpus.items, LISTINGS, false));
  const wholeInput = join(dir, 'whole-listings.jsonl');
  writeFileSync(wholeInput, corpusListings(corpus.items, WHOLE_LISTINGS, true));

  // Throughput of the whole command, start-up included, on one core: first, as the figure the issue sets.
  execFileSync('npm', ['run', '-s', 'build'], { cwd: packagePath(), stdio: 'inherit' });
  const run = await measureProcess('taskset', ['-c', '0', process.execPath, packagePath('bin', 'faceleak.js'), 'classify'], input);
  if (run.exitCode !== 0) throw new Error(`faceleak classify exited ${run.exitCode}`);
  const perSecond = LISTINGS / run.seconds;
  process.stdout.write(`\nfaceleak classify, one process pinned to one core: ${LISTINGS} listings of ~60 characters\n`);
  process.stdout.write(`  ${f(run.seconds, 2)} s, ${Math.round(perSecond)} listings/s, peak RSS ${f(run.maxRssMb, 0)} MB\n`);
  const whole = await measureProcess('taskset', ['-c', '0', process.execPath, packagePath('bin', 'faceleak.js'), 'classify'], wholeInput);
  if (whole.exitCode !== 0) throw new Error(`faceleak classify exited ${whole.exitCode}`);
  process.stdout.write(`faceleak classify, same, ${WHOLE_LISTINGS} whole corpus listings (every field as written)\n`);
  process.stdout.write(`  ${f(whole.seconds, 2)} s, ${Math.round(WHOLE_LISTINGS / whole.seconds)} listings/s, peak RSS ${f(whole.maxRssMb, 0)} MB\n`);

  // Accuracy on the held-out split, next to the two baselines the issue names. natural's naive Bayes
  // builds a vector over the whole vocabulary per document: its training time grows with documents ×
  // vocabulary (the whole training split took over 10 minutes, 1,500 documents 26 s), so it learns from
  // every tenth training listing, and its speed is taken on 500 texts.
  process.stdout.write('\naccuracy (natural BayesClassifier trains on a tenth of the training split: about a minute)\n');
  const texts = corpus.items.slice(0, 500).map((i) => `${i.title ?? ''} ${(i.description ?? '').slice(0, 60)}`);
  const ours = evaluate(Classifier.load(), heldOut);
  const keywords = keywordBaseline();
  const bayes = naturalBayesBaseline(train.filter((_, i) => i % 10 === 0));
  const t0 = performance.now();
  for (const t of texts) bayes.classify(t);
  const bayesPerSecond = texts.length / ((performance.now() - t0) / 1000);
  process.stdout.write(
    `\nheld-out split (${heldOut.length} listings)\n\n| classifier | F1 | precision | recall | hard-negative FPR | evasive recall |\n|---|---|---|---|---|---|\n`,
  );
  process.stdout.write(`${line('faceleak', ours)}\n`);
  process.stdout.write(
    `${line(
      'keyword list',
      evaluatePredictions(
        heldOut,
        heldOut.map((i) => keywords.classify(i)),
      ),
    )}\n`,
  );
  process.stdout.write(
    `${line(
      'natural BayesClassifier (char bigrams, a tenth of the training split)',
      evaluatePredictions(
        heldOut,
        heldOut.map((i) => bayes.predict(i)),
      ),
    )}\n`,
  );

  process.stdout.write(`natural BayesClassifier.classify on the same kind of text: ${Math.round(bayesPerSecond)} listings/s (in-process, no I/O)\n`);
  process.stdout.write(`  faceleak / natural: ${f(perSecond / bayesPerSecond, 1)}×\n`);
}
