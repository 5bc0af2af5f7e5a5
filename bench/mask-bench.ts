import { loadCorpus } from '../classifier/corpus/load.js';
import { maskSensitive } from '../privacy/mask.js';

const ROUNDS = 20;

/** Mean time of `mask` over `texts`, run ROUNDS times after one warm-up pass. */
function measure(texts: readonly string[], mask: (s: string) => string): { usPerText: number; mbPerS: number } {
  for (const t of texts) mask(t);
  const chars = texts.reduce((n, t) => n + t.length, 0) * ROUNDS;
  const start = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const t of texts) mask(t);
  const ms = performance.now() - start;
  return { usPerText: (ms * 1000) / (texts.length * ROUNDS), mbPerS: chars / ms / 1000 };
}

/**
 * maskSensitive runs on every text field of every row a list page, a search or an export shows.
 * Measured on the corpus's fields (most hold too few digits for any number and stop at the first
 * look), on fields holding numbers, and on a hostile field of spaced digits (every digit a place a
 * number could start).
 */
export async function benchMasking(): Promise<void> {
  const fields = loadCorpus()
    .items.flatMap((i) => [i.title, i.description, i.price])
    .filter((t): t is string => typeof t === 'string' && t.length > 0);
  const withNumbers = fields.map((t, i) => `${t} 加V 138${String(i % 100_000).padStart(8, '0')} 身份证 440304199001011233`);
  const hostile = ['1 '.repeat(25_000)];
  for (const [name, texts] of [
    ['corpus fields', fields],
    ['fields with a phone and an ID', withNumbers],
    ['50k chars of spaced digits', hostile],
  ] as const) {
    const { usPerText, mbPerS } = measure(texts, maskSensitive);
    process.stdout.write(`maskSensitive, ${name} (n=${texts.length}): ${usPerText.toFixed(2)} µs/text, ${mbPerS.toFixed(1)} M chars/s\n`);
  }
}
