// The store thread's side (store-thread.ts): its own store connection, writing each listing it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { openStore } from '../store/index.js';
import { inlineListingWriter } from './listing-writer.js';
import { StoreThreadCommits } from './store-thread-commits.js';
import type { StoreThreadData, StoreThreadReply, StoreThreadRequest } from './store-thread.js';

const { databaseUrl, dataDir, snapshotDir } = workerData as StoreThreadData;
// SQLite: many listings to a commit (store-thread-commits.ts), instead of three commits each.
const store = await openStore({ databaseUrl, dataDir }, { groupCommit: true });
// SQLite copies the WAL into the database (and waits for the disk) every 1,000 pages written by default;
// a crawl's writes rewrite the same index pages over and over, so copying them ten times less often
// copies far fewer pages. This connection's setting only; the WAL grows to about 40 MB between copies.
if (store.dialect === 'sqlite') await sql`pragma wal_autocheckpoint = 10000`.execute(store.db);
store.groupCommit?.start();
// Read now, as the fetches of the first pages start, rather than on the first listing (band-index.ts).
store.bandIndex?.load();
const write = inlineListingWriter({ store, snapshotDir });
const port = parentPort!;
const commits = new StoreThreadCommits(store, (reply) => port.postMessage(reply));
port.on('message', (m: StoreThreadRequest | 'close') => {
  if (m === 'close') return void commits.flush().then(() => store.close().then(() => port.close()));
  const losses = commits.started();
  write(m.record, m.verdict, m.pages, m.text).then(
    (saved) => commits.ended({ id: m.id, saved } satisfies StoreThreadReply, losses),
    (error: unknown) =>
      commits.ended({ id: m.id, error: { name: (error as Error).name, message: (error as Error).message } } satisfies StoreThreadReply, losses),
  );
});
port.postMessage('ready');
