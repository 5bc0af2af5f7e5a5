import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when needed: `faceleak classify` must not load the server, the
 * crawler and the queue (a tenth of a second and ~10 MB before its first listing). In help order.
 */
export const COMMANDS: Record<string, () => Promise<Register>> = {
  classify: async () => (await import('./commands/classify.js')).registerClassify,
  train: async () => (await import('./commands/train.js')).registerTrain,
  eval: async () => (await import('./commands/eval.js')).registerEval,
  discover: async () => (await import('./commands/discover.js')).registerDiscover,
  link: async () => (await import('./commands/link.js')).registerLink,
  crawl: async () => (await import('./commands/crawl.js')).registerCrawl,
  watch: async () => (await import('./commands/watch.js')).registerWatch,
  failures: async () => (await import('./commands/failures.js')).registerFailures,
  extract: async () => (await import('./commands/extract.js')).registerExtract,
  worker: async () => (await import('./commands/worker.js')).registerWorker,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  token: async () => (await import('./commands/token.js')).registerToken,
  sites: async () => (await import('./commands/sites.js')).registerSites,
  snapshots: async () => (await import('./commands/snapshots.js')).registerSnapshots,
  lexicon: async () => (await import('./commands/lexicon.js')).registerLexicon,
  serve: async () => (await import('./commands/serve.js')).registerServe,
};

/**
 * The commands to register: only the one named first on the command line, or all of them (for help,
 * `help <command>`, a misspelt name that commander suggests a command for, or no command).
 */
export function commandsFor(argv: readonly string[]): string[] {
  const asked = argv[2];
  return asked !== undefined && Object.hasOwn(COMMANDS, asked) ? [asked] : Object.keys(COMMANDS);
}
