import { Worker } from 'node:worker_threads';
import { loadAttackPool, type PoolName } from './attacks/pool.js';
import { addAttackReports, emptyAttackReport, measureAttacks, type AttackReport } from './attacks/flip-rate.js';
import { Classifier } from './classify.js';
import type { CorpusItem } from './corpus/schema.js';
import { splitCorpus, writerOf } from './corpus/split.js';
import { evaluatePredictions, type Evaluation, type Prediction } from './evaluate.js';
import type { Lexicon } from './lexicon/load.js';
import { DEFAULT_TRAIN_CONFIG, trainModel, type TrainConfig } from './model/train.js';
import { cachedModel, modelCachePath } from './model-cache.js';

export interface WriterResult {
  readonly writer: string;
  readonly evaluation: Evaluation;
  readonly attacks: AttackReport | null;
}

export interface CrossSourceReport {
  readonly writers: readonly WriterResult[];
  /** Every writer's listings, each judged by the model trained without its writer. */
  readonly overall: Evaluation;
  readonly attacks: AttackReport | null;
}

export interface CrossSourceOptions {
  /** Test on the left-out writer's training-split listings only: for tuning, so the held-out split stays unseen. */
  readonly trainingSplitOnly?: boolean;
  /** Also attack each writer's listings with the evaluation pool (covers the model never saw). */
  readonly attacks?: boolean;
  /** Which attack pool: eval (default; never trained on) or train (to diagnose without looking at the evaluation pool). */
  readonly attackPool?: PoolName;
  /** Only these writers (default: all). */
  readonly writers?: readonly string[];
  /**
   * Writers trained on but never left out nor tested: the sealed writers while tuning, so a tuning
   * figure never reads them and their own leave-one-writer-out figure stays unseen until it is reported.
   */
  readonly untested?: readonly string[];
  /**
   * Leave out groups of writers instead of one at a time: the writers dealt round-robin into this many
   * groups, each tested under a model trained without its whole group. A quick proxy for tuning
   * (5 trainings instead of one per writer); the headline stays one writer at a time.
   */
  readonly groups?: number;
  readonly config?: TrainConfig;
  /** A folder where each left-out model is kept and found again on the next run (see model-cache.ts). */
  readonly modelCache?: string;
  /** Worker threads to train in (each left-out writer is one training); 1 runs in this thread. */
  readonly threads?: number;
  readonly progress?: (m: string) => void;
}

/** What one left-out writer gives back: its listings' verdicts under the model that never saw it. */
export interface WriterRun {
  readonly writer: string;
  readonly ids: readonly string[];
  readonly predictions: readonly Prediction[];
  readonly attacks: AttackReport | null;
}

/**
 * Leave-one-writer-out: for each writer, train on the other writers' training split (with their own
 * cross-validated calibration and thresholds, as the shipped model is made) and test on every listing
 * of the one left out. Each corpus file was written by a different hand in its own world and jargon,
 * so this is the nearest the corpus gets to "listings written by others".
 */
export async function crossSourceEvaluation(lexicon: Lexicon, items: readonly CorpusItem[], options: CrossSourceOptions = {}): Promise<CrossSourceReport> {
  const units = leftOutUnits(writersToLeaveOut(items, options), options.groups);
  const threads = Math.max(1, Math.min(options.threads ?? 1, units.length));
  const runs = threads === 1 ? units.map((w) => runWriter(lexicon, items, w, options)) : await inWorkers(units, threads, options);
  const byId = new Map(items.map((i) => [i.id, i]));
  const tested: CorpusItem[] = [];
  const predictions: Prediction[] = [];
  const attacks = options.attacks ? emptyAttackReport() : null;
  const writers = runs.flatMap((run) => {
    const test = run.ids.map((id) => byId.get(id)!);
    tested.push(...test);
    predictions.push(...run.predictions);
    if (attacks && run.attacks) addAttackReports(attacks, run.attacks);
    if (!run.writer.includes('+')) return [{ writer: run.writer, evaluation: evaluatePredictions(test, run.predictions), attacks: run.attacks }];
    // A group's run is reported per writer; its attacks count in the total only.
    return run.writer.split('+').map((writer) => {
      const mine = test.flatMap((item, i) => (writerOf(item.id) === writer ? [i] : []));
      const evaluation = evaluatePredictions(
        mine.map((i) => test[i]!),
        mine.map((i) => run.predictions[i]!),
      );
      return { writer, evaluation, attacks: null };
    });
  });
  return { writers, overall: evaluatePredictions(tested, predictions), attacks };
}

/** The writers left out in turn, sorted: all of the corpus's, or only `writers`, never the `untested` ones. */
export function writersToLeaveOut(items: readonly CorpusItem[], options: Pick<CrossSourceOptions, 'writers' | 'untested'>): string[] {
  const untested = new Set(options.untested);
  return [...new Set(items.map((i) => writerOf(i.id)))].sort().filter((w) => !untested.has(w) && (!options.writers || options.writers.includes(w)));
}

/** What each training leaves out: one writer, or (with `groups`) a group of writers named `a+b+c`. */
export function leftOutUnits(writers: readonly string[], groups: number | undefined): string[] {
  if (!groups || groups >= writers.length) return [...writers];
  const dealt: string[][] = Array.from({ length: groups }, () => []);
  writers.forEach((w, i) => dealt[i % groups]!.push(w));
  return dealt.map((g) => g.join('+'));
}

/** `unit` is one writer or writers joined by '+' (see leftOutUnits), all left out of one training. */
export function runWriter(lexicon: Lexicon, items: readonly CorpusItem[], unit: string, options: CrossSourceOptions): WriterRun {
  const leftOut = new Set(unit.split('+'));
  const { train } = splitCorpus(items);
  const pool = options.trainingSplitOnly ? train : items;
  // Three folds, not five, for the calibration and thresholds of each left-out model: the figures move by less than their noise, the run takes a third less.
  const config = options.config ?? { ...DEFAULT_TRAIN_CONFIG, folds: 3 };
  const training = train.filter((i) => !leftOut.has(writerOf(i.id)));
  const cache = options.modelCache ? modelCachePath(options.modelCache, unit, lexicon, training, config) : null;
  const loaded = cachedModel(cache, () => trainModel(lexicon, training, 'cross-source', config));
  const classifier = new Classifier(lexicon, loaded);
  const test = pool.filter((i) => leftOut.has(writerOf(i.id)));
  const verdicts = test.map((i) => classifier.classify(i));
  const attacks = options.attacks ? measureAttacks(test, verdicts, (i) => classifier.classify(i), loadAttackPool(options.attackPool ?? 'eval')) : null;
  options.progress?.(`left out ${unit}`);
  const predictions = verdicts.map((v) => ({ flagged: v.flagged, review: v.review, category: v.category, score: v.score }));
  return { writer: unit, ids: test.map((i) => i.id), predictions, attacks };
}

/** The writers spread over worker threads (two cores train two writers at once); results in writer order. */
async function inWorkers(writers: readonly string[], threads: number, options: CrossSourceOptions): Promise<WriterRun[]> {
  const queue = [...writers];
  const results = new Map<string, WriterRun>();
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const { progress, ...plain } = options;
  const work = async () => {
    for (let writer = queue.shift(); writer !== undefined; writer = queue.shift()) {
      const run = await new Promise<WriterRun>((resolve, reject) => {
        const worker = startWorker(new URL(`./cross-source-worker.${ext}`, import.meta.url), { writer, options: plain });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`cross-source worker for ${writer} exited with ${code}`)));
      });
      results.set(writer, run);
      progress?.(`left out ${writer} (${results.size}/${writers.length})`);
    }
  };
  await Promise.all(Array.from({ length: threads }, work));
  return writers.map((w) => results.get(w)!);
}

/** A worker running `url`; from the source tree (tsx) it registers tsx's loader first, the built command runs plain JS. */
function startWorker(url: URL, workerData: unknown): Worker {
  if (url.pathname.endsWith('.js')) return new Worker(url, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
