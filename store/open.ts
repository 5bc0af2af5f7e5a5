import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type { Config } from '../config/index.js';
import { BandIndex } from './band-index.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import { SqliteGroupCommit } from './sqlite-group-commit.js';
import { migrationProvider, type Dialect } from './migrations.js';
import { preparingPool } from './pg-prepared.js';
import type { Database } from './schema.js';
import { UserError } from '../contracts/index.js';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data is, for messages (a file path, or the PostgreSQL URL without its password). */
  readonly location: string;
  /** SQLite opened with `groupCommit`: one transaction for many writes (sqlite-group-commit.ts), off until started. */
  readonly groupCommit?: SqliteGroupCommit;
  /**
   * SQLite: the handle Kysely runs on (statement cache, group commit), for a statement run once per row
   * (sqlite-rows.ts); only while holding Kysely's connection, as every statement of ours does.
   */
  readonly sqlite?: SqliteDatabase;
  /**
   * SQLite opened with `groupCommit` (the crawl's store thread, the one connection writing there in
   * groups): link_bands in memory, whence its near-duplicate candidates (band-index.ts). PostgreSQL,
   * whose writers are many, and other SQLite connections read them by SQL.
   */
  readonly bandIndex?: BandIndex;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL schema of its own (parallel test runs). */
  readonly schema?: string;
  /** SQLite: prepare group commit (sqlite-group-commit.ts) for a connection that only writes in batches. */
  readonly groupCommit?: boolean;
}

export class StoreError extends UserError {
  override name = 'StoreError';
}

/** The database URL in effect: DATABASE_URL, or the SQLite file under DATA_DIR. */
export function databaseUrl(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  return config.databaseUrl ?? join(config.dataDir, 'faceleak.db');
}

/** Where a database URL's data is, for messages: the URL with any password masked. */
export const storeLocation = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** Opens the database named by the config and brings its schema up to date. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, options: OpenOptions = {}): Promise<Store> {
  const url = databaseUrl(config);
  const isPostgres = /^postgres(ql)?:\/\//.test(url);
  let db: Kysely<Database>;
  let location: string;
  let sqliteFile: SQLite.Database | undefined;
  let groupCommit: SqliteGroupCommit | undefined;
  let handle: SqliteDatabase | undefined;
  let bandIndex: BandIndex | undefined;
  if (isPostgres) {
    // Imported only here: a SQLite store (every crawl by default, and each crawl's store thread) does not pay pg's load.
    const { default: pg } = await import('pg');
    // A schema per test run keeps parallel suites apart on one database.
    const pool = new pg.Pool({ connectionString: url, max: 10, ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    location = storeLocation(url);
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
  } else {
    mkdirSync(dirname(url), { recursive: true });
    const file = new SQLite(url);
    sqliteFile = file;
    // WAL: readers (the review page) never wait for the crawl's writes; busy_timeout: several processes share the file.
    file.pragma('busy_timeout = 5000');
    file.pragma('journal_mode = WAL');
    // FULL: a commit waits for the disk, so what was answered survives a power loss too, not only a
    // crash of the process. The library's build defaults WAL to NORMAL (no sync at commit), under which
    // the last commits of a crawl whose jobs were already acknowledged could vanish with the machine;
    // the crawl's store thread commits listings in groups, so it waits once per group.
    file.pragma('synchronous = FULL');
    file.pragma('foreign_keys = ON');
    groupCommit = options.groupCommit ? new SqliteGroupCommit(file) : undefined;
    const cached = withStatementCache(file);
    handle = groupCommit ? groupCommit.wrap(cached) : cached;
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
    location = url;
  }
  const dialect: Dialect = isPostgres ? 'postgres' : 'sqlite';
  const { error } = await migrate(db, dialect, sqliteFile);
  if (error) {
    await db.destroy();
    throw new StoreError(`cannot prepare the database at ${location}: ${(error as Error).message}`);
  }
  // After the migrations: it prepares statements on link_bands. Inactive until group commit starts.
  if (groupCommit) bandIndex = new BandIndex(sqliteFile!, groupCommit);
  return {
    db,
    dialect,
    location,
    ...(groupCommit ? { groupCommit } : {}),
    ...(handle ? { sqlite: handle } : {}),
    ...(bandIndex ? { bandIndex } : {}),
    close: () => db.destroy(),
  };
}

/**
 * Kysely takes a lock for PostgreSQL, but for SQLite it assumes one process owns the file and runs the
 * migrations outside any transaction: two workers starting together both created the same table. In
 * SQLite the DDL runs in one BEGIN IMMEDIATE on the migrator's own connection: the second opener waits
 * for the first to commit, then finds nothing left to do (DDL is transactional in SQLite). The wait is
 * polled rather than left to busy_timeout, which would block this process's event loop, and with it an
 * opener in the same process that holds the lock.
 */
async function migrate(db: Kysely<Database>, dialect: Dialect, file?: SQLite.Database): Promise<{ error?: unknown }> {
  if (!file) {
    // Kysely looks for its migration tables in every schema unless told which: with another schema's
    // tables in the database (parallel test runs, another app) it skipped creating its own and failed
    // with "relation kysely_migration_lock does not exist". Ours live in the schema the store uses.
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    return new Migrator({ db, provider: migrationProvider(dialect), migrationTableSchema: rows[0]!.schema }).migrateToLatest();
  }
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  await beginImmediate(file, MIGRATION_WAIT_MS);
  const result = await migrator.migrateToLatest();
  file.exec(result.error ? 'ROLLBACK' : 'COMMIT');
  return result;
}

const MIGRATION_WAIT_MS = 60_000;

async function beginImmediate(file: SQLite.Database, waitMs: number): Promise<void> {
  const busyTimeout = file.pragma('busy_timeout', { simple: true }) as number;
  file.pragma('busy_timeout = 0');
  try {
    for (const end = Date.now() + waitMs; ;) {
      try {
        file.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > end) throw error;
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  } finally {
    file.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
