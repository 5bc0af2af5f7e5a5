import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/** Whether a Kysely instance (or a transaction's connection) runs on PostgreSQL. */
export const isPostgres = <DB>(db: Kysely<DB>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * `column IN (values)` as one parameter, so the statement's text is the same however many values it
 * holds: PostgreSQL then plans it once per connection (pg-prepared.ts) and SQLite prepares it once
 * (sqlite-statement-cache.ts), where `IN ($1, $2, …)` was a new text for each count. PostgreSQL takes
 * the values as an array; SQLite as a JSON array it unpacks. An empty list matches nothing on both.
 */
export function inList<DB>(db: Kysely<DB>, column: string, values: readonly (number | string)[]): RawBuilder<boolean> {
  return isPostgres(db)
    ? sql<boolean>`${sql.ref(column)} = any(${[...values]})`
    : sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
}
