import { Worker } from 'node:worker_threads';
import type { Verdict } from '../contracts/index.js';
import type { FetchedPage } from '../crawler/index.js';
import { textFeatures, type TextFeatures } from '../link/index.js';
import type { ListingRecord, SaveResult } from '../store/index.js';
import type { ListingWriter } from './listing-writer.js';
import { isReportRecrawl, type FetchedPages } from './seller-linking.js';

export interface StoreThreadData {
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly snapshotDir: string | undefined;
}
export interface StoreThreadRequest {
  readonly id: number;
  readonly record: ListingRecord;
  readonly verdict: Verdict;
  /** Only when a snapshot may be kept of them (seller-linking.ts): copying a page to the thread costs as much as a small write. */
  readonly pages?: FetchedPages;
  /** The record's link features, computed on the sending thread (see write). */
  readonly text: TextFeatures;
}
export type StoreThreadReply = { readonly id: number; readonly saved: SaveResult } | { readonly id: number; readonly error: { name: string; message: string } };

/**
 * A crawl worker's listing writes (save, seller linking, snapshot) on a thread of their own, with its own
 * store connection: on a static page they take as much CPU as fetching, parsing and classifying it, and
 * SQLite runs them on the thread that calls it, so on the main thread they left a second core idle.
 * A page's job waits for its write's answer before it is marked done, as before: a crash of the thread or
 * the process loses nothing, the job is worked again. One thread: SQLite takes one writer at a time.
 */
/** Start-ups in a row that end before the thread is ready, after which the store is taken for broken. */
export const MAX_FAILED_STARTS = 3;

/** The thread cannot open its store (a database that cannot be opened or migrated, a full disk…): no write can succeed. */
export class StoreThreadBrokenError extends Error {
  override name = 'StoreThreadBrokenError';
}

export class StoreThread {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, { resolve: (s: SaveResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failedStarts = 0;
  private broken: StoreThreadBrokenError | null = null;
  /** Threads started so far (a crash starts another). */
  starts = 0;

  /**
   * `onBroken` is told once, when the thread has failed to start MAX_FAILED_STARTS times in a row: a
   * thread that dies while opening its store would otherwise be started again for every write, each
   * failing its job, for as long as the crawl runs.
   */
  constructor(
    private readonly data: StoreThreadData,
    private readonly onBroken?: (error: StoreThreadBrokenError) => void,
  ) {}

  readonly write: ListingWriter = async (record, verdict, pages) => {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise<SaveResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const snapshot = this.data.snapshotDir !== undefined && (verdict.flagged || isReportRecrawl(record.crawlId));
      // The pure part of seller linking (handles, shingles, MinHash: 0.3-0.5 ms of the store thread's
      // ~4 ms per demo listing) is done here, beside the parse: the store thread is the crawl's one
      // writer and was the busier thread in a profile, so what it need not do runs beside its writes.
      // A listing found unchanged is not linked again (seller-linking.ts), so its features go unused:
      // that is not known before the write, and costs this thread what it saves the writer.
      const text = textFeatures(record);
      worker.postMessage({ id, record, verdict, text, ...(snapshot && pages ? { pages: snapshotPart(pages) } : {}) } satisfies StoreThreadRequest);
    });
  };

  /** Starts the thread now, so its start-up (imports, store connection) overlaps the first fetches. */
  prestart(): void {
    this.start().catch(() => {}); // the first write reports a thread that cannot start
  }

  /** Started by prestart or the first write; started again after a crash (its writes in flight fail and are retried with their jobs). */
  private async start(): Promise<Worker> {
    if (this.broken) throw this.broken;
    if (!this.worker) {
      const worker = startThread(new URL(`./store-thread-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url), this.data);
      this.worker = worker;
      this.starts++;
      let isReady = false;
      this.ready = new Promise<void>((resolve, reject) => {
        worker.on('message', (m: StoreThreadReply | 'ready') => {
          if (m === 'ready') {
            isReady = true;
            this.failedStarts = 0;
            return resolve();
          }
          const waiting = this.pending.get(m.id);
          this.pending.delete(m.id);
          if ('saved' in m) waiting?.resolve(m.saved);
          else waiting?.reject(Object.assign(new Error(m.error.message), { name: m.error.name }));
        });
        let failed = false;
        const fail = (error: Error) => {
          // A crash is told twice ('error', then 'exit'): it is one failed start.
          if (failed) return;
          failed = true;
          if (this.worker === worker) this.worker = null;
          if (!isReady && !this.broken && ++this.failedStarts >= MAX_FAILED_STARTS) {
            this.broken = new StoreThreadBrokenError(`the store thread failed to start ${this.failedStarts} times in a row: ${error.message}`);
            this.onBroken?.(this.broken);
          }
          reject(error);
          for (const p of this.pending.values()) p.reject(error);
          this.pending.clear();
        };
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`the store thread ended (exit ${code})`)));
      });
    }
    await this.ready;
    return this.worker!;
  }

  /** Lets the writes in flight finish, then closes the thread's store. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    while (this.pending.size > 0) await new Promise((r) => setTimeout(r, 10));
    this.worker = null;
    const exited = new Promise((r) => worker.once('exit', r));
    worker.postMessage('close');
    await exited;
  }
}

/**
 * What a snapshot reads of the pages (seller-linking.ts): a static page's response as served, a rendered
 * page's HTML. A static page's decoded HTML stays here: copying it to the thread was wasted work.
 */
function snapshotPart(pages: FetchedPages): FetchedPages {
  const part = (p: FetchedPage): FetchedPage =>
    p.rendered ? p : { url: p.url, status: p.status, rendered: false, html: '', ...(p.served ? { served: p.served } : {}) };
  const first = part(pages.first);
  return { first, last: pages.last === pages.first ? first : part(pages.last) };
}

/** A thread running `url`: from the source tree (tsx, vitest) tsx's loader is registered first; the build runs plain JS. */
function startThread(url: URL, workerData: StoreThreadData): Worker {
  if (url.pathname.endsWith('.js')) return new Worker(url, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
