import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../test/helpers/stores.js';
import { linkStoredListing } from './sellers.js';
import { saveListing } from './listings.js';
import { openStore, type Store } from './open.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('opening a new SQLite store', () => {
  // Two workers started together once both created the same table, and one of them exited.
  it('lets several openers migrate the same new file at once, each finding the schema whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceleak-open-'));
    dirs.push(dir);
    const config = { databaseUrl: join(dir, 'race.db'), dataDir: dir };
    const stores: Store[] = await Promise.all([openStore(config), openStore(config), openStore(config)]);
    try {
      for (const s of stores) {
        const tables = await s.db.introspection.getTables();
        expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['listings', 'lexicon_suggestions', 'lexicon_overlays']));
      }
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

describe('a SQLite store on disk', () => {
  // Answered writes must survive a power loss: WAL with a sync at every commit (the library's build defaults to NORMAL, no sync).
  it('syncs the write-ahead log at every commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceleak-open-'));
    dirs.push(dir);
    const store = await openStore({ databaseUrl: join(dir, 'sync.db'), dataDir: dir });
    try {
      const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(store.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      // A link's transaction does not wait for the disk (its data is derived), and leaves the connection syncing again.
      const url = 'http://bazaar.example/item/1';
      const record = {
        site: 'bazaar',
        url,
        canonicalUrl: url,
        title: 'x',
        description: '加V：face_88',
        price: null,
        seller: 's',
        images: [],
        fetchedAt: '2026-12-02T00:00:00.000Z',
        httpStatus: 200,
        contentHash: 'h',
        source: 'crawl' as const,
        crawlId: 'c',
      };
      const { listingId } = await saveListing(store, record, { flagged: false, review: false, category: null, score: 0, evidence: [], modelVersion: 'test' });
      await linkStoredListing(store, listingId, record, record.fetchedAt);
      expect(await pragma('synchronous')).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe('opening a PostgreSQL store in a schema of its own', () => {
  // Parallel test runs each use a schema: Kysely once saw another schema's migration tables and skipped creating its own.
  it('migrates its schema while another schema of the same database already holds a store', async () => {
    const [a, b] = [STORE_KINDS.postgres, STORE_KINDS.postgres];
    const first = await a();
    try {
      const second = await b();
      try {
        expect((await second.store.db.introspection.getTables()).map((t) => t.name)).toContain('listings');
      } finally {
        await second.cleanup();
      }
    } finally {
      await first.cleanup();
    }
  });
});
