import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../store/index.js';

/** PostgreSQL of the test machine (trust auth, database `test`); override with TEST_DATABASE_URL. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore {
  readonly store: Store;
  cleanup(): Promise<void>;
}

/** A fresh, empty store of each kind: a temporary SQLite file, or a new PostgreSQL schema. */
export const STORE_KINDS: Record<'sqlite' | 'postgres', () => Promise<TestStore>> = {
  async sqlite() {
    const file = join(mkdtempSync(join(tmpdir(), 'faceleak-store-')), 'test.db');
    const store = await openStore({ databaseUrl: file, dataDir: '.' });
    return { store, cleanup: () => store.close() };
  },
  async postgres() {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const store = await openStore({ databaseUrl: TEST_POSTGRES_URL, dataDir: '.' }, { schema });
    return {
      store,
      async cleanup() {
        await store.close();
        const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await client.connect();
        await client.query(`DROP SCHEMA "${schema}" CASCADE`);
        await client.end();
      },
    };
  },
};
