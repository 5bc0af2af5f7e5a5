import type { Store } from '../store/index.js';
import type { StoreThreadReply } from './store-thread.js';

/** Longest a finished write waits for the commit that makes it durable while others are in flight, and how many wait at most. */
export const COMMIT_EVERY_MS = 20;
export const COMMIT_AT_WRITES = 64;
/**
 * How long the write lock stays free after a commit before the next group takes it: another SQLite
 * writer (a second crawl process, the server) polls for the lock, and without a gap a busy store
 * thread would hand it straight back to itself.
 */
export const LOCK_GAP_MS = 2;

/**
 * The store thread's answers under group commit (store/sqlite-group-commit.ts): a write is answered
 * only once a COMMIT that began after it ended has succeeded, so a page's job — acknowledged only
 * after that answer — never outlives its listing on a crash. A write whose transaction was lost in
 * between is answered with an error, and its job runs again (every write is idempotent). Failed writes
 * are answered at once. The group commits when no write is in flight one turn of the event loop after
 * the last one ended (so writes sent together join it), and at the latest COMMIT_EVERY_MS after the
 * first waiting one. Without group commit (PostgreSQL), every answer goes at once: each write committed
 * on its own.
 */
export class StoreThreadCommits {
  private waiting: { reply: StoreThreadReply; losses: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private inFlight = 0;

  constructor(
    private readonly store: Store,
    private readonly answer: (reply: StoreThreadReply) => void,
    private readonly everyMs = COMMIT_EVERY_MS,
    private readonly atWrites = COMMIT_AT_WRITES,
  ) {}

  /** A write begins; returns what its answer is checked against: the group's losses when it began. */
  started(): number {
    this.inFlight++;
    return this.store.groupCommit?.losses ?? 0;
  }

  /** A write has ended (`losses` from `started`): answered now if it failed or nothing is batched, else after the next commit. */
  ended(reply: StoreThreadReply, losses: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (!this.store.groupCommit) return this.answer(reply);
    if ('error' in reply) this.answer(reply);
    else this.waiting.push({ reply, losses });
    // Even after a failure: the transaction it ran in holds SQLite's write lock until committed.
    if (this.waiting.length >= this.atWrites) void this.flush();
    else if (this.inFlight === 0) this.immediate ??= setImmediate(() => this.lastEnded());
    else this.timer ??= setTimeout(() => void this.flush(), this.everyMs);
  }

  /**
   * The last write in flight ended one turn of the event loop ago: the writes whose messages came in
   * that turn have begun, so the group is committed only if none did. Committing at once, as each
   * write ended before the next message was read, made nearly every write commit alone.
   */
  private lastEnded(): void {
    this.immediate = null;
    if (this.inFlight === 0) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.everyMs);
  }

  /** Commits what is batched and answers the writes that ended before; resolves once done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    const group = this.store.groupCommit;
    if (!group) return Promise.resolve();
    const batch = this.waiting;
    this.waiting = [];
    // One commit at a time, in order; each holds Kysely's one connection, so no write is half done within it.
    this.flushing = this.flushing.then(async () => {
      let answered = false;
      const answerAll = (failure: Error | null) => {
        answered = true;
        for (const { reply, losses } of batch) {
          if (!failure && losses === group.losses) this.answer(reply);
          else
            this.answer({
              id: reply.id,
              error: {
                name: 'Error',
                message: `the store lost this write before committing it (${failure?.message ?? 'its transaction was rolled back'}); it is retried`,
              },
            });
        }
      };
      try {
        await this.store.db.connection().execute(async () => {
          let committed = false;
          try {
            committed = group.commit();
            answerAll(null);
          } catch (error) {
            answerAll(error as Error);
          }
          // The connection stays held through the gap: no statement of ours takes the lock back meanwhile.
          if (committed) await new Promise((r) => setTimeout(r, LOCK_GAP_MS));
        });
      } catch (error) {
        if (!answered) answerAll(error as Error);
      }
    });
    return this.flushing;
  }
}
