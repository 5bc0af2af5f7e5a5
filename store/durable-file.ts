import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** A step of writeFileDurably, as it is taken (for its test: the order is the point). */
export type DurableStep = 'fsync file' | 'rename' | 'fsync dir';

/**
 * Writes a new file so that it survives a power loss once this returns: the data to `path.part`, synced,
 * then renamed to `path`, then the folder synced (a rename, like a new file's name, lives in its folder's
 * entries, which the file's own sync does not write), and the folders it had to make synced in theirs.
 * The snapshot's row is written only after (snapshots.ts): without the syncs a crash after the row's
 * commit could leave a row whose file is empty or missing. Synchronous, as the database calls beside it
 * are (better-sqlite3): the promise API sent each call to libuv's pool, which cost more CPU than the call.
 */
export function writeFileDurably(path: string, data: Uint8Array, step: (s: DurableStep) => void = () => {}): void {
  const dir = dirname(path);
  const part = `${path}.part`;
  let fd: number;
  let made: string | undefined;
  try {
    fd = openSync(part, 'w', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // Only when missing: a crawl keeps a month's snapshots in one folder, and a mkdir per file cost as much as the write.
    made = mkdirSync(dir, { recursive: true });
    fd = openSync(part, 'w', 0o600);
  }
  try {
    try {
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at);
      fsyncSync(fd);
      step('fsync file');
    } finally {
      closeSync(fd);
    }
    renameSync(part, path);
  } catch (error) {
    // A full disk or a failed sync must not leave a `.part` behind for every snapshot retried: the job
    // is retried whole, and nothing reads a part, so it is only litter in the month's folder.
    rmSync(part, { force: true });
    throw error;
  }
  step('rename');
  syncDir(dir);
  step('fsync dir');
  // Each folder made (the first mkdir returned, down to `dir`) is an entry of its parent.
  if (made)
    for (let d = dir; ; d = dirname(d)) {
      syncDir(dirname(d));
      if (d === made || dirname(d) === d) break;
    }
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
