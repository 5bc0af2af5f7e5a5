import { createHash, randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { writeFileDurably } from './durable-file.js';
import type { Store } from './open.js';
import { audit } from './review.js';
import { pageWarc, type PageCapture } from './warc.js';

export type { PageCapture } from './warc.js';

/** A kept snapshot as the API lists it. */
export interface SnapshotInfo {
  readonly id: number;
  readonly listingId: number;
  readonly contentHash: string;
  readonly reason: 'flagged' | 'reported';
  readonly sha256: string;
  readonly bytes: number;
  readonly fetchedAt: string;
  readonly createdAt: string;
}

/**
 * Keeps what was fetched for a flagged or reported listing as a WARC file under `dir` (SNAPSHOT_DIR),
 * its SHA-256 in the database. One snapshot per listing text version: null when this version has one.
 */
export async function saveSnapshot(store: Store, dir: string, capture: PageCapture): Promise<SnapshotInfo | null> {
  const kept = await store.db
    .selectFrom('listing_snapshots')
    .select('id')
    .where('listing_id', '=', capture.listingId)
    .where('content_hash', '=', capture.contentHash)
    .executeTakeFirst();
  if (kept) return null;
  const warc = await pageWarc(capture);
  const sha256 = createHash('sha256').update(warc).digest('hex');
  const day = capture.fetchedAt.slice(0, 10);
  // A random part: two workers keeping the same version at once write different files, and the loser removes its own.
  const file = `${day.slice(0, 7)}/${capture.listingId}-${day}-${randomBytes(4).toString('hex')}.warc`;
  const path = join(dir, file);
  // On disk, its name too, before the row that names it is written (and so before that row commits).
  writeFileDurably(path, warc);
  const createdAt = new Date().toISOString();
  const row = await store.db
    .insertInto('listing_snapshots')
    .values({
      listing_id: capture.listingId,
      content_hash: capture.contentHash,
      reason: capture.reason,
      file,
      sha256,
      bytes: warc.length,
      fetched_at: capture.fetchedAt,
      created_at: createdAt,
    })
    .onConflict((oc) => oc.columns(['listing_id', 'content_hash']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    await rm(path, { force: true });
    return null;
  }
  const { listingId, contentHash, reason, fetchedAt } = capture;
  return { id: row.id, listingId, contentHash, reason, sha256, bytes: warc.length, fetchedAt, createdAt };
}

const info = (r: {
  id: number;
  listing_id: number;
  content_hash: string;
  reason: 'flagged' | 'reported';
  sha256: string;
  bytes: number;
  fetched_at: string;
  created_at: string;
}): SnapshotInfo => ({
  id: r.id,
  listingId: r.listing_id,
  contentHash: r.content_hash,
  reason: r.reason,
  sha256: r.sha256,
  bytes: r.bytes,
  fetchedAt: r.fetched_at,
  createdAt: r.created_at,
});

const COLUMNS = ['id', 'listing_id', 'content_hash', 'reason', 'sha256', 'bytes', 'fetched_at', 'created_at'] as const;

/** The snapshots of some listings, oldest first (no file is read, so nothing to audit). */
export async function snapshotsOf(store: Store, listingIds: readonly number[]): Promise<Map<number, SnapshotInfo[]>> {
  const out = new Map<number, SnapshotInfo[]>(listingIds.map((id) => [id, []]));
  if (listingIds.length === 0) return out;
  const rows = await store.db.selectFrom('listing_snapshots').select(COLUMNS).where('listing_id', 'in', listingIds).orderBy('id').execute();
  for (const r of rows) out.get(r.listing_id)?.push(info(r));
  return out;
}

/**
 * Reads a snapshot's WARC file, and writes the read to the audit log first (a snapshot is the page
 * unmasked). `intact` says whether the file still has the SHA-256 kept when it was written.
 */
export async function readSnapshot(
  store: Store,
  dir: string,
  id: number,
  actor: string,
  purpose: string,
): Promise<{ info: SnapshotInfo; warc: Buffer; intact: boolean } | null> {
  const row = await store.db
    .selectFrom('listing_snapshots')
    .select([...COLUMNS, 'file'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  await audit(store, actor, 'snapshot-read', row.listing_id, JSON.stringify({ snapshot: id, purpose }));
  const root = resolve(dir);
  const path = resolve(root, row.file);
  // The stored name is ours, but a path outside the folder is never read whatever the database says.
  if (!path.startsWith(root + sep)) throw new Error(`snapshot ${id}: its file lies outside SNAPSHOT_DIR`);
  const warc = await readFile(path);
  return { info: info(row), warc, intact: createHash('sha256').update(warc).digest('hex') === row.sha256 };
}

/** Deletes snapshots kept longer than `days` (files and rows); returns how many and their bytes. */
export async function purgeSnapshots(store: Store, dir: string, days: number, now = new Date()): Promise<{ deleted: number; bytes: number }> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  let deleted = 0;
  let bytes = 0;
  for (;;) {
    const rows = await store.db.selectFrom('listing_snapshots').select(['id', 'file', 'bytes']).where('created_at', '<', before).limit(500).execute();
    if (rows.length === 0) return { deleted, bytes };
    // Files first: a crash between leaves rows without files (reads fail loudly), never files nobody knows of.
    for (const r of rows) await rm(join(dir, r.file), { force: true });
    await store.db
      .deleteFrom('listing_snapshots')
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    deleted += rows.length;
    bytes += rows.reduce((n, r) => n + r.bytes, 0);
  }
}
