import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { Classifier } from '../../classifier/index.js';
import { parseListingLine } from '../../classifier/index.js';
import { parseNumberOption } from '../fatal.js';
import { BufferedWriter } from '../buffered-writer.js';

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('Classify listings: JSON Lines in (FILE or stdin), one verdict line out per input line, in order.')
    .argument('[file]', 'JSON Lines file of {"id", "title", "description", "price"}; stdin when omitted or "-"')
    .option('--threshold <score>', "flag at this calibrated score or above (default: the model's)", parseNumberOption('--threshold', 0.0001, 0.9999))
    .addHelpText(
      'after',
      `
Output, one line per input line:
  {"id", "flagged", "review", "category", "score", "evidence": [{"field", "start", "end", "text", "reason"}], "modelVersion"}
review is true for a listing not flagged but in the review band (worth an investigator's look).
A line that is not a JSON object gives {"line": N, "error": "..."}; the rest goes on, and the exit code is 1.

Example:
  echo '{"id":"1","title":"手持身份证照 五毛一张 打包"}' | faceleak classify`,
    )
    .action(async (file: string | undefined, opts: { threshold?: number }) => {
      const classifier = Classifier.load({ threshold: opts.threshold });
      const input = file === undefined || file === '-' ? process.stdin : createReadStream(file);
      const failed = await classifyStream(classifier, input, new BufferedWriter(process.stdout));
      process.exitCode = failed > 0 ? 1 : 0;
    });
}

/** Streams verdicts for a JSON Lines input; returns how many lines failed. */
export async function classifyStream(classifier: Classifier, input: NodeJS.ReadableStream, out: BufferedWriter): Promise<number> {
  let failed = 0;
  let lineNumber = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    lineNumber++;
    const parsed = parseListingLine(line);
    if ('error' in parsed) {
      failed++;
      await out.write(`${JSON.stringify({ line: lineNumber, error: parsed.error })}\n`);
      continue;
    }
    const verdict = classifier.classify(parsed.listing);
    await out.write(`${JSON.stringify({ id: parsed.listing.id ?? null, ...verdict })}\n`);
  }
  await out.end();
  return failed;
}
