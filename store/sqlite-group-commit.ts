import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Group commit for one SQLite connection (a crawl worker's store thread): every statement runs inside
 * one long transaction, begun with BEGIN IMMEDIATE, that `commit()` ends. The transactions the store's
 * functions open themselves (saveListing's, the seller linker's BEGIN IMMEDIATE) become savepoints in
 * it, so each still rolls back alone; the SQL they run is unchanged. A commit per listing (three, with
 * linking and the snapshot) made SQLite wait for the disk each time: that wait and the commits were the
 * largest part of a static crawl's store thread.
 *
 * Nothing is acknowledged before it is durable: the caller answers a write only after a `commit()` that
 * began after the write ended (store-thread-worker.ts). `losses` counts transactions that ended other
 * than by our COMMIT (a failed COMMIT, an error that rolled the whole transaction back); a write during
 * which it moved may have lost its statements and is answered with an error, so its job runs again.
 *
 * Off (statements pass straight through) until `start()`, so migrations and start-up work run as before.
 */
export class SqliteGroupCommit {
  private on = false;
  /** Our savepoints open, innermost last. */
  private depth = 0;
  /** Whether we believe our transaction is open (SQLite's own answer is `file.inTransaction`). */
  private open = false;
  private lost = 0;
  /** Savepoints rolled back (a write of the store's that failed): with `lost`, what undid statements. */
  private rolledBack = 0;
  /** Savepoint statements, prepared once: compiling one per use (exec) cost as much as a small insert. */
  private readonly prepared = new Map<string, SQLite.Statement>();

  constructor(private readonly file: SQLite.Database) {}

  get losses(): number {
    return this.lost;
  }

  /** Whether statements run in the group's transaction (after `start()`). */
  get running(): boolean {
    return this.on;
  }

  /** Rollbacks of any kind so far, whole or to a savepoint: a cache of what this connection wrote is stale when it moves (band-index.ts). */
  get undone(): number {
    return this.lost + this.rolledBack;
  }

  /**
   * Also keeps SQLite's temporary files in memory on this connection: each savepoint (every listing
   * write, see above) saves the pages it changes to a sub-journal, which spilled to a temp file past
   * 64 KiB. In a static demo crawl that was more bytes written than the WAL itself (a write call per
   * page, and the kernel's copy), for a journal that only a ROLLBACK TO reads and no crash needs: the
   * WAL, synced at each commit (open.ts), makes a commit durable.
   */
  start(): void {
    this.file.pragma('temp_store = MEMORY');
    this.on = true;
  }

  /** Wraps the handle Kysely uses; `inner` is that handle (with its statement cache). */
  wrap(inner: SqliteDatabase): SqliteDatabase {
    return {
      close: () => inner.close(),
      prepare: (sql: string) => {
        if (!this.on) return inner.prepare(sql);
        const control = CONTROL.exec(sql.trim());
        if (control) return this.control(control[1]!.toLowerCase());
        this.ensureOpen();
        return inner.prepare(sql);
      },
    };
  }

  /**
   * Ends the transaction, if one is open and no savepoint is (callers hold Kysely's connection, so none
   * is); true when one was open, so SQLite's write lock has just been released.
   */
  commit(): boolean {
    if (!this.open) return false;
    this.open = false;
    if (this.depth > 0) {
      this.lost++;
      this.depth = 0;
      this.file.exec('ROLLBACK');
      throw new Error('group commit: a savepoint was still open; the group is rolled back');
    }
    if (!this.file.inTransaction) {
      this.lost++;
      return true;
    }
    try {
      this.file.exec('COMMIT');
    } catch (error) {
      this.lost++;
      if (this.file.inTransaction) this.file.exec('ROLLBACK');
      throw error;
    }
    return true;
  }

  private ensureOpen(): void {
    if (this.open && this.file.inTransaction) return;
    // Open but gone: an error rolled everything back (SQLITE_FULL, IOERR, BUSY on a statement).
    if (this.open) this.lost++;
    this.depth = 0;
    this.file.exec('BEGIN IMMEDIATE');
    this.open = true;
  }

  private run(sql: string): void {
    let stmt = this.prepared.get(sql);
    if (!stmt) this.prepared.set(sql, (stmt = this.file.prepare(sql)));
    stmt.run();
  }

  /** A transaction statement of the store's code, as a savepoint of ours. */
  private control(word: string): SqliteStatement {
    return statement(() => {
      if (word === 'begin') {
        this.ensureOpen();
        this.depth++;
        this.run(`SAVEPOINT group_commit_${this.depth}`);
        return;
      }
      if (this.depth === 0) throw new Error(`group commit: ${word} without a transaction`);
      const name = `group_commit_${this.depth}`;
      this.depth--;
      if (word === 'rollback') this.rolledBack++;
      if (!this.file.inTransaction) return; // already rolled back whole; ensureOpen counts the loss
      if (word === 'rollback') this.run(`ROLLBACK TO ${name}`);
      this.run(`RELEASE ${name}`);
    });
  }
}

/** BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE] [TRANSACTION], COMMIT, END, ROLLBACK: what Kysely and store/sellers.ts send. */
const CONTROL = /^(begin|commit|end|rollback)(?:\s+(?:deferred|immediate|exclusive))?(?:\s+transaction)?\s*;?$/i;

function statement(run: () => void): SqliteStatement {
  return {
    reader: false,
    all: () => [],
    run: () => {
      run();
      return { changes: 0, lastInsertRowid: 0 };
    },
    *iterate() {},
  };
}
