import type { Command } from 'commander';
import { loadConfig, snapshotDirOf } from '../../config/index.js';
import { parseNumberOption } from '../fatal.js';
import { cliActor, withStore } from '../with-store.js';

/**
 * `faceleak snapshots purge`: deletes evidence snapshots (WARC files and their rows) kept longer than
 * SNAPSHOT_RETENTION_DAYS (or --days), and writes what it did to the audit log.
 */
export function registerSnapshots(program: Command): void {
  const snapshots = program
    .command('snapshots')
    .description('Manage evidence snapshots (WARC files of flagged and reported listing pages, under SNAPSHOT_DIR).');
  snapshots
    .command('purge')
    .description('Delete snapshots kept longer than the retention (SNAPSHOT_RETENTION_DAYS, default 365 days); audit-logged.')
    .option('--days <n>', 'keep this many days instead of SNAPSHOT_RETENTION_DAYS', parseNumberOption('--days', 1, 36_500))
    .addHelpText('after', '\nFiles: SNAPSHOT_DIR (default DATA_DIR/snapshots); store: DATABASE_URL. Run it daily, e.g. from cron.')
    .action(async (opts: { days?: number }) => {
      const config = loadConfig();
      const days = opts.days ?? config.snapshotRetentionDays;
      const dir = snapshotDirOf(config);
      await withStore(async (store, { audit, purgeSnapshots }) => {
        const { deleted, bytes } = await purgeSnapshots(store, dir, days);
        await audit(store, cliActor(), 'snapshot-purge', null, JSON.stringify({ days, deleted, bytes }));
        process.stdout.write(`faceleak: purged ${deleted} snapshot${deleted === 1 ? '' : 's'} (${bytes} bytes) older than ${days} days from ${dir}\n`);
      });
    });
}
