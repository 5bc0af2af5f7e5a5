import { Command, CommanderError } from 'commander';
import { registerClassify } from './commands/classify.js';
import { registerDiscover } from './commands/discover.js';
import { registerExtract } from './commands/extract.js';
import { registerCrawl } from './commands/crawl.js';
import { registerFailures } from './commands/failures.js';
import { registerDemo } from './commands/demo.js';
import { registerServe } from './commands/serve.js';
import { registerLexicon } from './commands/lexicon.js';
import { registerSites } from './commands/sites.js';
import { registerSnapshots } from './commands/snapshots.js';
import { registerToken } from './commands/token.js';
import { registerWorker } from './commands/worker.js';
import { registerWatch } from './commands/watch.js';
import { registerEval } from './commands/eval.js';
import { registerTrain } from './commands/train.js';
import { registerLink } from './commands/link.js';
import { reportFatal } from './fatal.js';

const program = new Command('faceleak')
  .description("Finds online marketplace listings that sell people's face data.")
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerClassify(program);
registerTrain(program);
registerEval(program);
registerDiscover(program);
registerLink(program);
registerCrawl(program);
registerWatch(program);
registerFailures(program);
registerExtract(program);
registerWorker(program);
registerDemo(program);
registerToken(program);
registerSites(program);
registerSnapshots(program);
registerLexicon(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  reportFatal(error);
}
