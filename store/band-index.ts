import type SQLite from 'better-sqlite3';
import { BandBuckets } from './band-buckets.js';
import type { SqliteGroupCommit } from './sqlite-group-commit.js';

/**
 * Rows (band, listing) the index holds at most, about 160-480 bytes a listing (band-buckets.ts): past
 * it the store reads its candidates by SQL again, as before, rather than grow without bound.
 */
export const BAND_INDEX_MAX_ROWS = 8_000_000;

/** Reloads for another connection's band rows before the index gives way to SQL for good (see sync). */
const MAX_FOREIGN_RELOADS = 8;

/**
 * link_bands in memory, for the crawl's store thread (the one connection that writes a SQLite store in
 * groups): the near-duplicate half of the link candidates (seller-candidates.ts) from here instead of
 * SQL, which read every row of a listing's 40 bands (thousands when a text is relisted: the demo market's
 * ~87 copies of each of 48 texts made that statement half the store thread's SQL time).
 *
 * The table stays the truth, and the index answers only what the table holds now, on this connection,
 * uncommitted rows of the group included; when it cannot tell, it is read again from the table:
 * - loaded on first use (the store thread loads it as the store opens), in this connection's transaction;
 * - a rollback on this connection (group-commit's `undone` moved) may have taken rows back: reloaded;
 * - another connection's commit (PRAGMA data_version moved) that added or removed band rows (the table's
 *   largest rowid is not ours plus what we inserted: rows only ever get rowid max + 1, and are deleted only
 *   by migrations, which empty the table): reloaded, and past MAX_FOREIGN_RELOADS the index is dropped, as
 *   another writer of links is at work (two crawls on one file) and the SQL sees its rows without a reload;
 * - past BAND_INDEX_MAX_ROWS it is dropped too. `nearest` answers null when the SQL must answer.
 */
export class BandIndex {
  private buckets: BandBuckets | null = null;
  private off = false;
  private dataVersion = 0;
  private maxRowid = 0;
  private undone = 0;
  private foreignReloads = 0;
  private readonly version: SQLite.Statement;
  private readonly lastRowid: SQLite.Statement;

  constructor(
    private readonly file: SQLite.Database,
    private readonly group: SqliteGroupCommit,
    private readonly maxRows = BAND_INDEX_MAX_ROWS,
  ) {
    this.version = file.prepare('pragma data_version').pluck();
    this.lastRowid = file.prepare('select coalesce(max(rowid), 0) from link_bands').pluck();
  }

  /** Whether the index answers (false: SQL does). */
  get active(): boolean {
    return !this.off && this.group.running;
  }

  /** Reads the table now (the store thread does as the store opens, so the first listing does not wait). */
  load(): void {
    if (this.active) this.reload();
  }

  /**
   * This connection just inserted these bands of a listing (`inserted` rows of them were new: the others
   * were there), in the open transaction: the index takes them too.
   */
  record(listingId: number, bands: readonly number[], inserted: number): void {
    if (!this.active) return;
    // Read again: the rows are in the table already.
    if (!this.sync(inserted)) return;
    this.maxRowid += inserted;
    // An id past 32 bits is none the arrays hold (band-buckets.ts): SQL answers from now on.
    if (listingId !== (listingId | 0)) return this.drop();
    for (const band of bands) this.buckets!.add(band, listingId);
    if (this.buckets!.rows > this.maxRows) this.drop();
  }

  /**
   * The listings sharing the most of these bands with `listingId` (not itself), most shared first, ties
   * by the later listing, at most `limit`: the `nearest` of candidatesSqlite. Null when SQL must answer.
   */
  nearest(listingId: number, bands: readonly number[], limit: number): number[] | null {
    if (!this.active) return null;
    this.sync(0);
    return this.buckets?.nearest(listingId, bands, limit) ?? null;
  }

  /** Brings the index up to the table; false when it was read again (so it holds the table's rows already). */
  private sync(ownNewRows: number): boolean {
    if (!this.buckets) return (this.reload(), false);
    if (this.group.undone !== this.undone) return (this.reload(), false);
    const version = this.version.get() as number;
    if (version === this.dataVersion) return true;
    this.dataVersion = version;
    if ((this.lastRowid.get() as number) === this.maxRowid + ownNewRows) return true;
    if (++this.foreignReloads > MAX_FOREIGN_RELOADS) this.drop();
    else this.reload();
    return false;
  }

  private reload(): void {
    this.buckets = null;
    // One read of the table, its rowid and the version: in the group's transaction when one is open,
    // else one read transaction of their own, so no other commit falls between them.
    const read = () => {
      this.undone = this.group.undone;
      this.dataVersion = this.version.get() as number;
      this.maxRowid = this.lastRowid.get() as number;
      const rows = this.file.prepare('select band, listing_id from link_bands order by band, listing_id').raw(true);
      this.buckets = BandBuckets.fromSorted(rows.iterate() as IterableIterator<[number, number]>, this.maxRows);
    };
    if (this.file.inTransaction) read();
    else this.file.transaction(read)();
    if (!this.buckets) this.drop();
  }

  private drop(): void {
    this.buckets = null;
    this.off = true;
  }
}
