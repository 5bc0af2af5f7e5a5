import type { Command } from 'commander';
import { parseNumberOption } from '../fatal.js';
import { BufferedWriter } from '../buffered-writer.js';
import { withStore } from '../with-store.js';

export function registerFailures(program: Command): void {
  program
    .command('failures')
    .description('List the pages crawls gave up on, with the reason of each, newest first (from the store).')
    .option('--crawl <id>', "only this crawl (its id is in `faceleak crawl`'s summary)")
    .option('--limit <n>', 'at most n failures', parseNumberOption('--limit', 1, 1_000_000), 50)
    .option('--json', 'JSON Lines {"crawlId", "site", "url", "reason", "attempts", "failedAt"} instead of text')
    .addHelpText('after', '\nStore: DATABASE_URL (default: the SQLite file under DATA_DIR), as for `faceleak crawl`.')
    .action(async (opts: { crawl?: string; limit: number; json?: boolean }) => {
      await withStore(async (store, api) => {
        const rows = await api.latestCrawlFailures(store, { crawlId: opts.crawl, limit: opts.limit });
        const out = new BufferedWriter(process.stdout);
        for (const f of rows) {
          const line = opts.json
            ? JSON.stringify(f)
            : `${f.failedAt}  ${f.crawlId}  ${f.url}  (${f.attempts} attempt${f.attempts === 1 ? '' : 's'}): ${f.reason}`;
          await out.write(`${line}\n`);
        }
        await out.end();
        // Said on stderr so stdout stays the list: an empty list and a wrong store look alike otherwise.
        const scope = opts.crawl ? `crawl ${opts.crawl}` : 'any crawl';
        process.stderr.write(`faceleak: ${rows.length} failure${rows.length === 1 ? '' : 's'} of ${scope} in the store at ${store.location}\n`);
      });
    });
}
