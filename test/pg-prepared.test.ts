import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inList } from '../store/in-list.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

// The PostgreSQL store names a statement its connection sends again (store/pg-prepared.ts), so the
// server plans it once; these run against the machine's PostgreSQL, whose own view of the session's
// prepared statements (pg_prepared_statements) says what was named.

describe('statements on a PostgreSQL store connection', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await STORE_KINDS.postgres();
  });
  afterAll(() => t.cleanup());

  it('are prepared from their second run, answer as before, and leave DDL and multi-command texts unnamed', async () => {
    await t.store.db.connection().execute(async (conn) => {
      // The connection may hold statements of the store's own opening already: only the probe's count here.
      const prepared = async () =>
        (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(conn)).rows
          .map((r) => r.statement)
          .filter((s) => s.includes('prep_probe') || s.startsWith('select 1'));
      await sql`create temporary table prep_probe (id int)`.execute(conn);
      await sql`insert into prep_probe values (1), (2), (3)`.execute(conn);
      const probe = (n: number) => sql<{ id: number }>`select id from prep_probe where id <= ${n} order by id`.execute(conn);
      expect((await probe(1)).rows).toEqual([{ id: 1 }]);
      expect(await prepared()).toEqual([]);
      expect((await probe(2)).rows).toEqual([{ id: 1 }, { id: 2 }]);
      expect((await probe(3)).rows).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
      const named = await prepared();
      expect(named).toHaveLength(1);
      expect(named[0]).toContain('from prep_probe where id <=');
      for (let i = 0; i < 3; i++) await sql.raw('select 1; select 2').execute(conn);
      expect(await prepared()).toHaveLength(1);
    });
  });

  it('keep a prepared statement through a rolled-back transaction', async () => {
    await t.store.db.connection().execute(async (conn) => {
      const q = (n: number) => sql<{ n: number }>`select ${n}::int + 1 as n`.execute(conn);
      await sql.raw('begin').execute(conn);
      await q(1);
      await q(2);
      await sql.raw('rollback').execute(conn);
      expect((await q(41)).rows).toEqual([{ n: 42 }]);
    });
  });
});

describe('inList', () => {
  for (const kind of ['sqlite', 'postgres'] as const) {
    it(`${kind}: matches the listed values, none for an empty list, with one text for any count`, async () => {
      const t = await STORE_KINDS[kind]();
      try {
        const db = t.store.db;
        await db.schema.createTable('in_probe').addColumn('id', 'integer').addColumn('k', 'text').execute();
        await db
          .insertInto('in_probe' as never)
          .values([1, 2, 3, 4].map((id) => ({ id, k: `k${id}` })) as never)
          .execute();
        const ids = async (values: number[]) =>
          (
            await db
              .selectFrom('in_probe' as never)
              .select('id' as never)
              .where(inList(db, 'id', values))
              .orderBy('id' as never)
              .execute()
          ).map((r) => (r as { id: number }).id);
        expect(await ids([2, 4, 9])).toEqual([2, 4]);
        expect(await ids([])).toEqual([]);
        const keys = await db
          .selectFrom('in_probe' as never)
          .select('id' as never)
          .where(inList(db, 'k', ['k3']))
          .execute();
        expect(keys).toEqual([{ id: 3 }]);
        const text = (values: number[]) =>
          db
            .selectFrom('in_probe' as never)
            .select('id' as never)
            .where(inList(db, 'id', values))
            .compile().sql;
        expect(text([1])).toBe(text([1, 2, 3]));
      } finally {
        await t.cleanup();
      }
    });
  }
});
