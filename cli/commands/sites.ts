import type { Command } from 'commander';
import { allowedHostsOf } from '../../contracts/index.js';
import { UsageError } from '../fatal.js';
import { cliActor, withStore } from '../with-store.js';

/**
 * `faceleak sites`: the sites whose reported pages the server fetches again. Only what an admin
 * registers here or in SITES_DIR is ever recrawled for a report; crawls and demos register nothing.
 */
export function registerSites(program: Command): void {
  const sites = program
    .command('sites')
    .description(
      'Manage the sites registered for report recrawls (a reported URL on their hosts is fetched again through the crawler). Every change is audit-logged.',
    );
  sites
    .command('list')
    .description('List registered sites: name, hosts, source, whether reports on them are recrawled.')
    .action(async () => {
      await withStore(async (store, { reportSites }) => {
        for (const s of await reportSites(store)) {
          const recrawl = s.recrawl
            ? s.site.allowPrivateNetwork
              ? 'recrawled (private network allowed by an admin)'
              : 'recrawled'
            : 'not recrawled (allowPrivateNetwork: add with --allow-private-recrawl)';
          process.stdout.write(`${s.site.name}\t${allowedHostsOf(s.site).join(',')}\t${s.source}\t${recrawl}\t${s.registeredBy}\t${s.registeredAt}\n`);
        }
      });
    });
  sites
    .command('add')
    .description('Register site configs (JSON files) for report recrawls; a site of the same name is replaced.')
    .argument('<files...>', 'site config files')
    .option(
      '--allow-private-recrawl',
      'also recrawl reports on sites with allowPrivateNetwork: true (local test sites only: a report URL then reaches your private network)',
    )
    .action(async (files: string[], opts: { allowPrivateRecrawl?: boolean }) => {
      const { loadSiteConfig } = await import('../../crawler/index.js'); // late: other commands start without the crawler
      const configs = files.map((f) => loadSiteConfig(f)); // all checked before any is registered
      await withStore(async (store, { addReportSite }) => {
        for (const site of configs) {
          await addReportSite(store, site, { source: 'admin', by: cliActor(), recrawlPrivate: opts.allowPrivateRecrawl === true });
          const note =
            site.allowPrivateNetwork && !opts.allowPrivateRecrawl ? ' (allowPrivateNetwork: reports on it are classified from their text, not recrawled)' : '';
          process.stderr.write(`site "${site.name}" registered for report recrawls: ${allowedHostsOf(site).join(', ')}${note}\n`);
        }
      });
    });
  sites
    .command('remove')
    .description('Stop recrawling reports on a site.')
    .argument('<name>')
    .action(async (name: string) => {
      await withStore(async (store, { removeReportSite }) => {
        if (!(await removeReportSite(store, name, cliActor()))) throw new UsageError(`no registered site named "${name}" (see faceleak sites list)`);
        process.stderr.write(`site "${name}" removed\n`);
      });
    });
}
