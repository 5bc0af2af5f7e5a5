// The store thread's side (store-thread.ts): its own store connection, writing each listing it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { openStore } from '../store/index.js';
import { inlineListingWriter } from './listing-writer.js';
import type { StoreThreadData, StoreThreadReply, StoreThreadRequest } from './store-thread.js';

const { databaseUrl, dataDir, snapshotDir } = workerData as StoreThreadData;
const store = await openStore({ databaseUrl, dataDir });
// SQLite copies the WAL into the database (and waits for the disk) every 1,000 pages written by default;
// a crawl's writes rewrite the same index pages over and over, so copying them ten times less often
// copies far fewer pages. This connection's setting only; the WAL grows to about 40 MB between copies.
if (store.dialect === 'sqlite') await sql`pragma wal_autocheckpoint = 10000`.execute(store.db);
const write = inlineListingWriter({ store, snapshotDir });
const port = parentPort!;
port.on('message', (m: StoreThreadRequest | 'close') => {
  if (m === 'close') return void store.close().then(() => port.close());
  write(m.record, m.verdict, m.pages).then(
    (saved) => port.postMessage({ id: m.id, saved } satisfies StoreThreadReply),
    (error: unknown) => port.postMessage({ id: m.id, error: { name: (error as Error).name, message: (error as Error).message } } satisfies StoreThreadReply),
  );
});
port.postMessage('ready');
