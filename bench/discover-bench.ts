// npm run bench -- discover                      : discovery over 100,000 listings, timed apart from classifying them
// npm run bench -- discover-eval [DIR] [--ratio N] [--min-score S] [--detail N] [--missed 1]: found@k, real@50, recall and FPR per writer set
import { Classifier } from '../classifier/classify.js';
import { loadCorpus } from '../classifier/corpus/load.js';
import type { CorpusItem } from '../classifier/corpus/schema.js';
import { discoverTerms } from '../classifier/discover/discover.js';
import { evaluateWriter } from '../classifier/discover/eval/evaluate-writer.js';
import { formatDetail, formatReport, formatStillMissed } from '../classifier/discover/eval/report.js';
import { loadWriterSets } from '../classifier/discover/eval/writer-sets.js';
import { listingFields } from '../classifier/discover/read-listing.js';
import type { DiscoveryInput, DiscoveryListing } from '../classifier/discover/types.js';
import { mulberry32 } from '../classifier/model/linear-model.js';
import { packagePath } from '../config/package-root.js';
import { isPinnedRun, ranPinned } from './pinned-rerun.js';

export const DEFAULT_BENIGN_PER_ILLICIT = 15;
const LISTINGS = 100_000;

/** The arguments after a suite's name on the command line (bench/run.ts takes suite names; the rest are the suite's). */
function suiteArgs(name: string): string[] {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(name);
  return at < 0 ? [] : argv.slice(at + 1);
}

function option(args: string[], flag: string, fallback: number | undefined): number | undefined {
  const at = args.indexOf(flag);
  if (at < 0) return fallback;
  const n = Number(args[at + 1]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number, not "${args[at + 1]}"`);
  args.splice(at, 2);
  return n;
}

export async function benchDiscoverEval(): Promise<void> {
  const args = suiteArgs('discover-eval');
  const ratio = option(args, '--ratio', DEFAULT_BENIGN_PER_ILLICIT)!;
  const minScore = option(args, '--min-score', undefined);
  const detail = option(args, '--detail', 0)!;
  const missed = option(args, '--missed', 0)! > 0;
  const dir = args.find((a) => !a.startsWith('-')) ?? packagePath('classifier', 'discover', 'dev-data');
  const sets = loadWriterSets(dir);
  const base = Classifier.load();
  const benign = loadCorpus().items.filter((i) => i.label === 'benign');
  const results = sets.map((set) => evaluateWriter(set, benign, base, { benignPerIllicit: ratio, minScore }));
  process.stdout.write(`\n${dir}: ${sets.length} writer sets${minScore === undefined ? '' : `, minimum score ${minScore}`}\n\n${formatReport(results, ratio)}`);
  if (detail > 0) for (const r of results) process.stdout.write(formatDetail(r, detail));
  if (missed) for (const r of results) process.stdout.write(formatStillMissed(r));
}

/**
 * A listing drawn from the corpus and perturbed (a digit changed, a character inserted, a tag added, its
 * sentences reordered), so 100,000 of them hold many more distinct units than the corpus does.
 */
function perturbed(items: readonly CorpusItem[], rand: () => number, i: number): DiscoveryListing {
  const item = items[Math.floor(rand() * items.length)]!;
  let description = item.description ?? '';
  if (rand() < 0.5) description = description.replace(/\d/, () => String(Math.floor(rand() * 10)));
  if (rand() < 0.3) {
    const at = Math.floor(rand() * (description.length + 1));
    description = description.slice(0, at) + String.fromCharCode(0x4e00 + Math.floor(rand() * 2000)) + description.slice(at);
  }
  if (rand() < 0.2)
    description = description
      .split(/(?<=[。！\n])/)
      .sort(() => rand() - 0.5)
      .join('');
  const title = rand() < 0.3 ? `${item.title ?? ''} #${i % 997}` : item.title;
  return { id: String(i), title, description, price: item.price };
}

export async function benchDiscover(): Promise<void> {
  if (ranPinned('discover')) return;
  const items = loadCorpus().items;
  const rand = mulberry32(11);
  const listings = Array.from({ length: LISTINGS }, (_, i) => perturbed(items, rand, i));
  const classifier = Classifier.load();
  let t = performance.now();
  const inputs: DiscoveryInput[] = listings.map((listing) => ({ listing, verdict: classifier.classify(listingFields(listing)) }));
  const classifySeconds = (performance.now() - t) / 1000;
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  t = performance.now();
  const candidates = discoverTerms(inputs, classifier.lexicon, { reviewThreshold: classifier.reviewThreshold });
  const discoverSeconds = (performance.now() - t) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const flagged = inputs.filter((x) => x.verdict.flagged).length;
  process.stdout.write(
    `\n${LISTINGS} listings (corpus listings repeated and perturbed; ${flagged} flagged), one process${isPinnedRun() ? ' pinned to one core' : ''}\n` +
      `  classifying them: ${classifySeconds.toFixed(1)} s (${Math.round(LISTINGS / classifySeconds)} listings/s)\n` +
      `  discovery: ${discoverSeconds.toFixed(1)} s, ${candidates.length} candidates; RSS ${rssBeforeMb.toFixed(0)} MB before it (listings, verdicts, classifier), peak ${rssMb.toFixed(0)} MB\n`,
  );
}
