import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import type { ListingWithVerdict } from '../../store/index.js';
import { loadConfig } from '../../config/index.js';
import { parseNumberOption } from '../fatal.js';
import { BufferedWriter } from '../buffered-writer.js';
import { describeProgress, progressPrinter } from '../progress.js';

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description(
      'Crawl a marketplace: queue its start URLs and work the crawl here until it drains. Other `faceleak worker` processes, on any machine sharing the Redis, join in.',
    )
    .requiredOption('--site <file>', 'site config (JSON); see the README for its fields')
    .option('--seed <url...>', "start from these URLs instead of the config's startUrls")
    .option('--max-pages <n>', 'fetch at most n pages in this crawl (default: no limit)', parseNumberOption('--max-pages', 1, 10_000_000))
    .option('--concurrency <n>', 'crawl jobs worked at once, over all the processes of --processes', parseNumberOption('--concurrency', 1, 256), 4)
    .option(
      '--processes <n>',
      'processes working the crawl from here: this one and n-1 `faceleak worker` helpers, to use n cores; worth it with PostgreSQL (SQLite takes one writer at a time, and each process already writes on a thread of its own)',
      parseNumberOption('--processes', 1, 64),
      1,
    )
    .option('--out <file>', 'write the crawl\'s listings with their verdicts as JSON Lines ("-" for stdout)')
    .option('--enqueue-only', 'only queue the start URLs; `faceleak worker` processes do the crawl')
    .addHelpText(
      'after',
      '\nProgress goes to stderr (pages done/queued/failed, listings, flagged, rate); a summary at the end.\nRedis: REDIS_URL (default redis://127.0.0.1:6379, else a private redis-server under DATA_DIR). Store: DATABASE_URL.',
    )
    .action(async (opts: { site: string; seed?: string[]; maxPages?: number; concurrency: number; processes: number; out?: string; enqueueOnly?: boolean }) => {
      const { checkSeeds, loadSiteConfig } = await import('../../crawler/index.js');
      const { runCrawl, splitConcurrency, startHelperWorkers } = await import('../../pipeline/index.js');
      const { resolveRedisUrl } = await import('../../queue/index.js');
      const config = loadConfig();
      const site = loadSiteConfig(opts.site);
      // Seeds are checked before Redis is resolved (it may start a private redis-server) and anything is queued.
      if (opts.seed) checkSeeds(site, opts.seed);
      const say = (m: string) => process.stderr.write(`faceleak: ${m}\n`);
      const redisUrl = await resolveRedisUrl(config, say);
      const printer = progressPrinter();
      const [own = 1, ...helping] = opts.enqueueOnly ? [opts.concurrency] : splitConcurrency(opts.concurrency, opts.processes);
      const helpers = startHelperWorkers({
        entry: process.argv[1]!,
        execArgv: process.execArgv,
        concurrencies: helping,
        env: { ...process.env, REDIS_URL: redisUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
        warn: say,
      });
      let result: Awaited<ReturnType<typeof runCrawl>>;
      try {
        result = await runCrawl({
          config,
          redisUrl,
          site,
          seeds: opts.seed,
          maxPages: opts.maxPages,
          concurrency: own,
          enqueueOnly: opts.enqueueOnly,
          onProgress: (p) => printer.update(p),
        });
      } finally {
        await helpers.stop();
      }
      printer.done();
      if (opts.enqueueOnly) {
        say(`crawl ${result.crawlId} queued (${result.progress.seen} start URLs); run \`faceleak worker\` to work it`);
        return;
      }
      say(`crawl ${result.crawlId} finished: ${describeProgress({ ...result.progress, elapsedMs: result.elapsedMs })}`);
      if (result.progress.failed > 0) {
        const { databaseUrl, storeLocation } = await import('../../store/index.js');
        say(
          `${result.progress.failed} pages failed; their reasons are in the crawl_failures table of the store at ${storeLocation(databaseUrl(config))}: ` +
            `\`faceleak failures --crawl ${result.crawlId}\` lists them`,
        );
      }
      if (opts.out) {
        const n = await writeCrawlOut(config, result.crawlId, opts.out);
        say(`${n} listings written to ${opts.out === '-' ? 'stdout' : opts.out}`);
      }
      // A crawl that fetched nothing (every page refused or failed) is a failure a script must see.
      if (result.progress.done === 0) {
        say('no page was crawled successfully');
        process.exitCode = 1;
      }
    });
}

/** The --out file: one JSON line per listing of the crawl (format in the README); `onListing` sees each as it is written. */
export async function writeCrawlOut(
  config: ReturnType<typeof loadConfig>,
  crawlId: string,
  out: string,
  onListing?: (l: ListingWithVerdict) => void,
): Promise<number> {
  const { openStore, listingsOfCrawl } = await import('../../store/index.js');
  const store = await openStore(config);
  const stream = out === '-' ? process.stdout : createWriteStream(out);
  const writer = new BufferedWriter(stream);
  let n = 0;
  try {
    for await (const l of listingsOfCrawl(store, crawlId)) {
      n++;
      onListing?.(l);
      await writer.write(`${JSON.stringify(l)}\n`);
    }
    await writer.end();
  } finally {
    await store.close();
    if (stream !== process.stdout) await new Promise<void>((r) => (stream as NodeJS.WritableStream).end(() => r()));
  }
  return n;
}
