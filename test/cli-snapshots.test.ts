import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLog, openStore, saveListing, saveSnapshot } from '../store/index.js';
import { runCli } from './helpers/run-cli.js';

describe('faceleak snapshots purge', () => {
  it('deletes the snapshots older than SNAPSHOT_RETENTION_DAYS, files and rows, and logs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceleak-cli-snap-'));
    const env = { DATA_DIR: dir, DATABASE_URL: join(dir, 'test.db'), SNAPSHOT_RETENTION_DAYS: '30', REDIS_URL: 'redis://127.0.0.1:1' };
    const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: dir });
    const snapshotDir = join(dir, 'snapshots');
    const keep = async (n: number, createdDaysAgo: number) => {
      const url = `http://m.example/item/${n}`;
      const { listingId } = await saveListing(
        store,
        {
          site: 'm',
          url,
          canonicalUrl: url,
          title: 't',
          description: null,
          price: null,
          seller: null,
          images: [],
          fetchedAt: '2026-01-01T00:00:00.000Z',
          httpStatus: 200,
          contentHash: `h${n}`,
          source: 'crawl',
          crawlId: 'c',
        },
        { flagged: true, review: false, category: 'id_holding_photo', score: 0.9, evidence: [], modelVersion: 'm' },
      );
      const s = (await saveSnapshot(store, snapshotDir, {
        listingId,
        url,
        fetchedAt: '2026-01-01T00:00:00.000Z',
        contentHash: `h${n}`,
        reason: 'flagged',
        served: null,
        rendered: '<p>x</p>',
      }))!;
      const createdAt = new Date(Date.now() - createdDaysAgo * 86_400_000).toISOString();
      await store.db.updateTable('listing_snapshots').set({ created_at: createdAt }).where('id', '=', s.id).execute();
      return store.db.selectFrom('listing_snapshots').select('file').where('id', '=', s.id).executeTakeFirstOrThrow();
    };
    const old = await keep(1, 31);
    const fresh = await keep(2, 29);
    const result = await runCli(['snapshots', 'purge'], '', env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/purged 1 snapshot \(\d+ bytes\) older than 30 days/);
    expect(existsSync(join(snapshotDir, old.file))).toBe(false);
    expect(existsSync(join(snapshotDir, fresh.file))).toBe(true);
    expect((await auditLog(store)).filter((e) => e.action === 'snapshot-purge')).toHaveLength(1);
    expect((await runCli(['snapshots', 'purge', '--days', '0'], '', env)).code).toBe(2);
    await store.close();
  }, 60_000);
});
