import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ListingWithVerdict } from '../../store/index.js';
import { loadConfig } from '../../config/index.js';
import { parseNumberOption } from '../fatal.js';
import { describeProgress, progressPrinter } from '../progress.js';
import { writeCrawlOut } from './crawl.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Start the bundled demo marketplace, crawl it end to end through Redis, and show what was found.')
    .option('--port <n>', 'port of the demo marketplace', parseNumberOption('--port', 0, 65535), 8123)
    .option('--serve', 'keep the demo marketplace running after the crawl (Ctrl-C to stop)')
    .action(async (opts: { port: number; serve?: boolean }) => {
      const { startDemoMarket, demoSiteConfig } = await import('../../demo/index.js');
      const { parseSiteConfig } = await import('../../crawler/index.js');
      const { runCrawl } = await import('../../pipeline/index.js');
      const { resolveRedisUrl } = await import('../../queue/index.js');
      const { databaseUrl } = await import('../../store/index.js');
      const config = loadConfig();
      const say = (m: string) => process.stderr.write(`faceleak demo: ${m}\n`);
      const market = await startDemoMarket({ port: opts.port }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') throw Object.assign(new Error(`port ${opts.port} is in use; pick another with --port`), { name: 'UsageError' });
        throw error;
      });
      say(`demo marketplace at ${market.origin}/s (${market.listings.length} listings: static, JSON-LD and script-rendered pages)`);
      const redisUrl = await resolveRedisUrl(config, say);
      const site = parseSiteConfig(demoSiteConfig(market.origin));
      const printer = progressPrinter();
      const result = await runCrawl({ config, redisUrl, site, concurrency: 4, onProgress: (p) => printer.update(p) });
      printer.done();
      const out = join(config.dataDir, 'demo-listings.jsonl');
      const flagged: ListingWithVerdict[] = [];
      await writeCrawlOut(config, result.crawlId, out, (l) => {
        if (l.verdict?.flagged) flagged.push(l);
      });
      say(`crawl ${result.crawlId}: ${describeProgress({ ...result.progress, elapsedMs: result.elapsedMs })}`);
      process.stdout.write(`\nFlagged listings (${flagged.length} of ${result.progress.listings}):\n`);
      for (const l of flagged.sort((a, b) => b.verdict!.score - a.verdict!.score)) {
        process.stdout.write(`  ${l.verdict!.score.toFixed(2)}  ${l.verdict!.category!.padEnd(17)} ${l.title}\n`);
      }
      process.stdout.write(`\nResults:\n  every listing with its verdict: ${resolve(out)}\n  the store: ${databaseUrl(config)}\n`);
      if (opts.serve) {
        say(`still serving ${market.origin}/s; Ctrl-C to stop`);
        await new Promise<void>((r) => process.once('SIGINT', () => r()));
      }
      await market.close();
    });
}
