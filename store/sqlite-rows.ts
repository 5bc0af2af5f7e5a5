import { CompiledQuery, type Kysely, type SqliteDatabase } from 'kysely';

/**
 * Runs one SQLite statement once for each row, in the caller's transaction: on SQLite's own handle
 * (Store.sqlite) when given, which is safe because the caller holds Kysely's one connection, else
 * through Kysely. An INSERT ... SELECT of a JSON array is one statement however many rows it has, but
 * a statement that may change several rows keeps a statement journal, a copy of every page it changes
 * first, and a single-row insert needs none: for a listing's 40 MinHash bands and its few dozen text
 * pairs, the rows one by one took about 60% of the CPU of the one statement (with temp_store in
 * memory, as on a crawl's store thread), where a Kysely query per row would have cost more than both.
 * Returns how many rows the statements changed (an insert that met a conflict and did nothing: none).
 */
export async function runPerRow<DB>(db: Kysely<DB>, sqlite: SqliteDatabase | undefined, sql: string, rows: Iterable<readonly unknown[]>): Promise<number> {
  let changed = 0;
  if (!sqlite) {
    for (const row of rows) changed += Number((await db.executeQuery(CompiledQuery.raw(sql, [...row]))).numAffectedRows ?? 0);
    return changed;
  }
  const statement = sqlite.prepare(sql);
  for (const row of rows) changed += Number(statement.run(row).changes);
  return changed;
}
