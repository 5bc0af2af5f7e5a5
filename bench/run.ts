// npm run bench: every benchmark, figures to stdout. Each suite is its own module so it can grow.
import { benchClassifier } from './classifier-bench.js';
import { benchCrawler } from './crawler-bench.js';
import { benchMasking } from './mask-bench.js';
import { benchReports } from './reports-bench.js';
import { describePlan } from './plan.js';

const suites: Record<string, () => Promise<void>> = { classifier: benchClassifier, crawler: benchCrawler, reports: benchReports, masking: benchMasking };
suites.extract = async () => (await import('./extract-bench.js')).benchExtract();
suites.discover = async () => (await import('./discover-bench.js')).benchDiscover();
suites['discover-eval'] = async () => (await import('./discover-bench.js')).benchDiscoverEval();
suites.link = async () => (await import('./link-bench.js')).benchLink();
suites['link-eval'] = async () => (await import('./link-bench.js')).benchLinkEval();
suites.frontier = async () => (await import('./frontier-bench.js')).benchFrontier();
suites['link-store'] = async () => (await import('./link-store-bench.js')).benchLinkStore();
// Suite names; flags (`--urls 3000000`) and their values belong to the suites that read them.
const only = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
// Say up front what will run and for how long: the whole run takes minutes and is silent between suites.
const selected = Object.keys(suites).filter((name) => only.length === 0 || only.includes(name));
process.stdout.write(`${describePlan(selected, Object.keys(suites))}\n`);
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`\n## ${name}\n`);
  try {
    await run();
  } catch (error) {
    // A wrong path or a malformed data file is the usual cause: its message says which, a stack would bury it.
    process.stderr.write(`bench ${name}: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
// Crawlee and BullMQ leave timers and sockets behind; the figures are printed, so end here.
process.exit(0);
