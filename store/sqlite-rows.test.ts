import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';
import type { Database } from './schema.js';
import { runPerRow } from './sqlite-rows.js';

describe('runPerRow', () => {
  let dir: string;
  let store: Store;
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceleak-rows-'));
    store = await openStore({ databaseUrl: join(dir, 'rows.db'), dataDir: dir });
    await sql`create table t (a integer primary key, b text not null, c real not null)`.execute(store.db);
  };
  const rows = () => sql<{ a: number; b: string; c: number; tc: string }>`select a, b, c, typeof(c) as tc from t order by a`.execute(store.db);
  const insert = 'insert into t (a, b, c) values (?, ?, ?) on conflict (a) do update set c = excluded.c';

  it('writes each row on the SQLite handle as through Kysely, a later row updating an earlier one', async () => {
    await open();
    expect(store.sqlite).toBeDefined();
    const data = [
      [3, 'x', 1],
      [1, 'y', 0.5],
      [3, 'x', 0.25],
    ];
    await runPerRow(store.db, store.sqlite, insert, data);
    const direct = (await rows()).rows;
    await sql`delete from t`.execute(store.db);
    await runPerRow(store.db, undefined, insert, data);
    expect((await rows()).rows).toEqual(direct);
    // A whole number bound to a real column is stored as a real, as the JSON form stored it.
    expect(direct).toEqual([
      { a: 1, b: 'y', c: 0.5, tc: 'real' },
      { a: 3, b: 'x', c: 0.25, tc: 'real' },
    ]);
  });

  it("runs inside the caller's transaction: a rollback takes its rows back", async () => {
    await open();
    await expect(
      store.db.transaction().execute(async (trx) => {
        await runPerRow<Database>(trx, store.sqlite, insert, [[1, 'a', 1]]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect((await rows()).rows).toEqual([]);
  });
});
