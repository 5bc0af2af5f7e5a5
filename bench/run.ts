// npm run bench: every benchmark, figures to stdout. Each suite is its own module so it can grow.
import { benchClassifier } from './classifier-bench.js';
import { benchCrawler } from './crawler-bench.js';
import { benchMasking } from './mask-bench.js';
import { benchReports } from './reports-bench.js';

const suites: Record<string, () => Promise<void>> = { classifier: benchClassifier, crawler: benchCrawler, reports: benchReports, masking: benchMasking };
suites.extract = async () => (await import('./extract-bench.js')).benchExtract();
suites.discover = async () => (await import('./discover-bench.js')).benchDiscover();
suites['discover-eval'] = async () => (await import('./discover-bench.js')).benchDiscoverEval();
const only = process.argv.slice(2);
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`\n## ${name}\n`);
  await run();
}
// Crawlee and BullMQ leave timers and sockets behind; the figures are printed, so end here.
process.exit(0);
