import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteGroupCommit } from './sqlite-group-commit.js';
import { withStatementCache } from './sqlite-statement-cache.js';

interface Db {
  t: { id: Generated<number>; v: string };
}

describe('group commit of one SQLite connection', () => {
  let path: string;
  let file: SQLite.Database;
  let group: SqliteGroupCommit;
  let db: Kysely<Db>;
  let reader: SQLite.Database;
  const rows = () => (reader.prepare('select v from t order by id').all() as { v: string }[]).map((r) => r.v);
  const commit = () => db.connection().execute(async () => group.commit());

  beforeEach(() => {
    path = join(mkdtempSync(join(tmpdir(), 'faceleak-group-commit-')), 'g.db');
    file = new SQLite(path);
    file.pragma('journal_mode = WAL');
    file.exec('create table t (id integer primary key, v text not null)');
    group = new SqliteGroupCommit(file);
    db = new Kysely<Db>({ dialect: new SqliteDialect({ database: group.wrap(withStatementCache(file)) }) });
    group.start();
    reader = new SQLite(path, { readonly: true });
  });
  afterEach(async () => {
    reader.close();
    await db.destroy();
  });

  it('keeps writes and their own transactions unseen until commit, then all at once', async () => {
    await db.insertInto('t').values({ v: 'a' }).execute();
    await db.transaction().execute((trx) => trx.insertInto('t').values({ v: 'b' }).execute());
    await db.connection().execute(async (conn) => {
      await sql.raw('begin immediate').execute(conn);
      await conn.insertInto('t').values({ v: 'c' }).execute();
      await sql.raw('commit').execute(conn);
    });
    expect(rows()).toEqual([]);
    await commit();
    expect(rows()).toEqual(['a', 'b', 'c']);
    expect(group.losses).toBe(0);
  });

  it('rolls back a failed transaction alone, keeping the others of the group', async () => {
    await db.insertInto('t').values({ v: 'kept' }).execute();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ v: 'undone' }).execute();
        await trx
          .insertInto('t')
          .values({ v: null as never })
          .execute();
      }),
    ).rejects.toThrow(/NOT NULL/);
    await db.insertInto('t').values({ v: 'after' }).execute();
    await commit();
    expect(rows()).toEqual(['kept', 'after']);
    expect(group.losses).toBe(0);
  });

  it("keeps the savepoints' journal in memory, and one past its 64 KiB spill still rolls back alone", async () => {
    expect(file.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    const before = Array.from({ length: 200 }, (_, i) => `${i}`.padEnd(2000, '.'));
    await db
      .insertInto('t')
      .values(before.map((v) => ({ v })))
      .execute();
    // The update changes every page the rows are on (about 400 KiB): the sub-journal keeps them all.
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('t').set({ v: 'changed' }).execute();
        await trx
          .insertInto('t')
          .values({ v: null as never })
          .execute();
      }),
    ).rejects.toThrow(/NOT NULL/);
    await commit();
    expect(rows()).toEqual(before);
    expect(group.losses).toBe(0);
  });

  it('counts a transaction that ended without our commit as lost, and begins another', async () => {
    await db.insertInto('t').values({ v: 'lost' }).execute();
    file.exec('ROLLBACK'); // as SQLite does itself on some errors (a full disk, an I/O error)
    await db.insertInto('t').values({ v: 'next' }).execute();
    expect(group.losses).toBe(1);
    await commit();
    expect(rows()).toEqual(['next']);
  });

  it('holds the write lock from the first statement: another writer waits for the commit', async () => {
    await db.insertInto('t').values({ v: 'a' }).execute();
    const other = new SQLite(path);
    other.pragma('busy_timeout = 0');
    expect(() => other.exec("insert into t (v) values ('b')")).toThrow(/locked|busy/i);
    await commit();
    other.exec("insert into t (v) values ('b')");
    other.close();
    expect(rows()).toEqual(['a', 'b']);
  });
});
