import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { Classifier } from '../../classifier/index.js';
import { discoverFromSource, RELATIVE_MIN_SCORE, DEFAULT_MIN_SUPPORT, DEFAULT_TOP, listingFields, readOverlayFile } from '../../classifier/index.js';
import type { DiscoveryInput, DiscoveryListing } from '../../classifier/index.js';
import { parseListingLine } from '../../classifier/index.js';
import type { Store } from '../../store/index.js';
import { BufferedWriter } from '../buffered-writer.js';
import { withStore } from '../with-store.js';
import { parseNumberOption, UsageError } from '../fatal.js';

export function registerDiscover(program: Command): void {
  program
    .command('discover')
    .description('Propose new code words of the trade: words that stand where offers name their product, which the lexicon does not know yet.')
    .option(
      '--from <file>',
      'JSON Lines file of {"id", "title", "description", "price"} listings to read (default: the stored listings, with their stored verdicts)',
    )
    .option('--since <date>', 'stored listings fetched on or after this date (YYYY-MM-DD); only without --from')
    .option('--save', 'file the candidates as suggestions for investigators (the review page\'s "Suggested terms"); as the scheduled run does')
    .option('--top <n>', `how many candidates to print (default ${DEFAULT_TOP})`, parseNumberOption('--top', 1, 10_000))
    .option('--overlay <file>', 'a lexicon overlay of approved terms (faceleak-lexicon-overlay/1 JSON) to classify with; its terms count as known')
    .option(
      '--min-score <score>',
      `least evidence (score) a candidate needs (default: ${RELATIVE_MIN_SCORE} of the third best candidate's; 0 lists every one ranked)`,
      parseNumberOption('--min-score', 0, 1000),
    )
    .option(
      '--min-support <n>',
      `fewest offer-like listings a candidate must appear in (default ${DEFAULT_MIN_SUPPORT})`,
      parseNumberOption('--min-support', 1, 1_000_000),
    )
    .addHelpText(
      'after',
      `
Every listing is classified with the shipped classifier (and the overlay, if given), then discovery
looks for words over-represented in flagged, review-band and offer-like unflagged listings against
benign ones, standing where known jargon stands (beside a price per unit, a document or face word,
an off-platform contact, a known term; in titles; in quotation marks), and close in context to known
terms. Words the lexicon already reads (forms, coded spellings, homophones) never come up.

Output, one line per candidate, best first:
  {"term", "category", "score", "support": {"flagged", "review", "benign"}, "variants": [...],
   "examples": [listing ids], "why": "in 14 flagged/review listings and 1 benign; beside a price per unit in 9; ..."}
To approve candidates, put them in an overlay file:
  {"format": "faceleak-lexicon-overlay/1", "name": "...", "terms": [{"term", "variants", "category", "needsSignal", "weight"}]}
needsSignal true: the term counts only with other signs of the trade (for sale and naming a document, a face, a face
check… or whose faces, or beside another coded term); use it when the word also has innocent meanings.

Progress goes to stderr. A line that is not a listing stops the run with its line number (exit code 2).

Example:
  faceleak discover --from listings.jsonl --top 50 > candidates.jsonl`,
    )
    .action(async (opts: { from?: string; since?: string; save?: boolean; top?: number; overlay?: string; minScore?: number; minSupport?: number }) => {
      if (opts.since !== undefined && (opts.from !== undefined || Number.isNaN(Date.parse(opts.since)))) {
        throw new UsageError(
          opts.from !== undefined ? '--since reads the store; it cannot go with --from' : `--since must be a date (YYYY-MM-DD), not "${opts.since}"`,
        );
      }
      const overlay = opts.overlay === undefined ? undefined : readOverlayFile(opts.overlay);
      const classifier = Classifier.load({ overlay });
      const progress = progressLine();
      await withStoreIf(opts.from === undefined || opts.save === true, async (store) => {
        const source =
          opts.from !== undefined
            ? classifyListings(classifier, listingsFromJsonl(opts.from), progress.count)
            : (await import('../../pipeline/index.js')).storedInputs(
                store!,
                opts.since === undefined ? undefined : new Date(opts.since).toISOString(),
                progress.count,
              );
        const candidates = await discoverFromSource(source, classifier.lexicon, {
          top: opts.top === undefined ? undefined : Math.floor(opts.top),
          minScore: opts.minScore,
          minSupport: opts.minSupport === undefined ? undefined : Math.floor(opts.minSupport),
          reviewThreshold: classifier.reviewThreshold,
          onProgress: progress.stage,
        });
        progress.done(candidates.length);
        if (opts.save) {
          // Imported late, as every command's heavy modules are: `faceleak classify` must not load the crawler or the queue.
          const [{ asSuggestion }, { saveSuggestions }] = await Promise.all([import('../../pipeline/index.js'), import('../../store/index.js')]);
          const filed = await saveSuggestions(store!, candidates.map(asSuggestion));
          process.stderr.write(
            `discover: filed as suggestions: ${filed.added} new, ${filed.refreshed} refreshed, ${filed.returned} rejected before and back\n`,
          );
        }
        const out = new BufferedWriter(process.stdout);
        for (const c of candidates) await out.write(`${JSON.stringify(c)}\n`);
        await out.end();
      });
    });
}

/**
 * Listings of a JSON Lines file, in order; a line that is not a listing is an error naming its line.
 * (The store-reading mode will be another source of the same listings.)
 */
export async function* listingsFromJsonl(path: string): AsyncIterable<DiscoveryListing> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseListingLine(line);
    if ('error' in parsed) throw new UsageError(`${path}:${lineNumber}: ${parsed.error}`);
    const { id, ...fields } = parsed.listing;
    if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') throw new UsageError(`${path}:${lineNumber}: "id" must be a string or a number`);
    yield { id: id === undefined ? `line-${lineNumber}` : String(id), ...fields };
  }
}

/** Each listing with the classifier's verdict: what discovery reads. Listings read from the store will come with their stored verdicts instead. */
export async function* classifyListings(
  classifier: Classifier,
  listings: AsyncIterable<DiscoveryListing>,
  onListing?: () => void,
): AsyncIterable<DiscoveryInput> {
  for await (const listing of listings) {
    onListing?.();
    yield { listing, verdict: classifier.classify(listingFields(listing)) };
  }
}

/** Progress on stderr: rewritten in place on a terminal, a line every 5 s otherwise. */
function progressLine(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let classified = 0;
  let last = 0;
  let stage = 'classifying';
  const show = (force = false) => {
    const now = Date.now();
    if (!force && now - last < (stream.isTTY ? 200 : 5000)) return;
    last = now;
    const text = `discover: ${classified} listings classified · ${stage} · ${((now - started) / 1000).toFixed(0)} s`;
    stream.write(stream.isTTY ? `\r\x1b[2K${text}` : `${text}\n`);
  };
  return {
    count: () => {
      classified++;
      if (classified % 1000 === 0) show();
    },
    stage: (name: string, done: number) => {
      stage = `${name} ${done}`;
      show();
    },
    done: (candidates: number) => {
      stage = `${candidates} candidates`;
      show(true);
      if (stream.isTTY) stream.write('\n');
    },
  };
}

async function withStoreIf(needed: boolean, run: (store: Store | null) => Promise<void>): Promise<void> {
  if (!needed) return run(null);
  return withStore((store) => run(store));
}
