import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
// Not classifier/index.js: see classifier/run.ts.
import { Classifier, MAX_FIELD_CHARS, parseListingLine } from '../../classifier/run.js';
import { cappedLines, type CappedLine } from '../capped-lines.js';
import { parseNumberOption } from '../fatal.js';
import { BufferedWriter } from '../buffered-writer.js';
import { verdictMembers } from '../verdict-json.js';

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
Blank lines and a leading UTF-8 byte order mark are skipped (line numbers still count them).

Limits, so memory stays flat whatever the input:
  a field longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters (64 Ki) is cut to that length before it is classified,
  and the verdict line says so: "truncated": ["description"] (the key is absent when nothing was cut);
  a line longer than ${(MAX_LINE_BYTES / 1024 / 1024).toString()} MiB is not read: it gives {"line": N, "error": "line is … bytes, over the …"}.

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

/**
 * The longest line read, in bytes (1 MiB): room for every field at its cap in UTF-8 (4 × 64 Ki
 * characters × 3 bytes ≈ 768 KiB) and the JSON around them; a longer line is not a listing.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Streams verdicts for a JSON Lines input; returns how many lines failed. */
export async function classifyStream(classifier: Classifier, input: NodeJS.ReadableStream, out: BufferedWriter): Promise<number> {
  let failed = 0;
  let lineNumber = 0;
  for await (const lines of cappedLines(input as AsyncIterable<Buffer | string>, MAX_LINE_BYTES)) {
    for (const line of lines) {
      const written = outputLine(classifier, line, ++lineNumber);
      if (written === null) continue;
      if (written.failed) failed++;
      // Awaited only when the writer flushes: a promise per line is a turn of the microtask queue per line.
      if (out.add(written.text)) await out.flush();
    }
  }
  await out.end();
  return failed;
}

/** The output line for one input line: its verdict or its error; null for a blank line. */
function outputLine(classifier: Classifier, line: CappedLine, lineNumber: number): { text: string; failed: boolean } | null {
  const error = (message: string) => ({ text: `${JSON.stringify({ line: lineNumber, error: message })}\n`, failed: true });
  if ('tooLongBytes' in line) return error(`line is ${line.tooLongBytes} bytes, over the ${MAX_LINE_BYTES} bytes (1 MiB) a line may have; not read`);
  // Editors on Windows start files with a BOM; it is not part of the first record.
  const text = lineNumber === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
  if (text.trim() === '') return null;
  const parsed = parseListingLine(text);
  if ('error' in parsed) return error(parsed.error);
  const verdict = classifier.classify(parsed.listing);
  // The verdict's JSON with the id put first and "truncated" last, by splicing strings: a record built by
  // spreading the verdict cost a tenth of this loop's own time (verdict-json.ts writes the members).
  const truncated = parsed.truncated.length > 0 ? `,"truncated":${JSON.stringify(parsed.truncated)}` : '';
  return { text: `{"id":${JSON.stringify(parsed.listing.id ?? null)},${verdictMembers(verdict)}${truncated}}\n`, failed: false };
}
