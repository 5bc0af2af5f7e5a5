/**
 * MinHash band → listings, as link_bands holds them (each pair once), compact: the settled rows as
 * typed arrays sorted by band then listing (a listing id 4 bytes a row, a band 8 bytes once, however
 * many listings share it: about 480 bytes a listing of a text nobody else wrote, 40 bands, and 160 a
 * listing of a text relisted many times), and the rows added since as arrays by band, merged into the
 * settled ones once they reach an eighth of them (so a merge's copy is paid once per 1/8 growth).
 */
export class BandBuckets {
  /** Distinct bands, ascending; `starts[i]` to `starts[i + 1]` is band i's range of `ids`, ascending. */
  private keys: Int32Array;
  private starts: Int32Array;
  private ids: Int32Array;
  private recent = new Map<number, number[]>();
  private recentRows = 0;

  private constructor(keys: Int32Array, starts: Int32Array, ids: Int32Array) {
    this.keys = keys;
    this.starts = starts;
    this.ids = ids;
  }

  /** Rows held. */
  get rows(): number {
    return this.ids.length + this.recentRows;
  }

  /** From (band, listing) rows sorted by band then listing, as the table's primary key reads them; null past `maxRows`. */
  static fromSorted(rows: Iterable<readonly [number, number]>, maxRows: number): BandBuckets | null {
    let keys = new Int32Array(1024);
    let starts = new Int32Array(1024);
    let ids = new Int32Array(4096);
    let n = 0;
    let k = 0;
    for (const [band, id] of rows) {
      // An id past 32 bits (never, with SQLite's rowids from 1) is no row these arrays can hold: SQL answers.
      if (n >= maxRows || id !== (id | 0)) return null;
      if (k === 0 || keys[k - 1] !== band) {
        if (k === keys.length) [keys, starts] = [grow(keys), grow(starts)];
        keys[k] = band;
        starts[k++] = n;
      }
      if (n === ids.length) ids = grow(ids);
      ids[n++] = id;
    }
    const ends = new Int32Array(k + 1);
    ends.set(starts.subarray(0, k));
    ends[k] = n;
    return new BandBuckets(keys.slice(0, k), ends, ids.slice(0, n));
  }

  /** Adds a row unless held. */
  add(band: number, id: number): void {
    if (this.settledHas(band, id)) return;
    const bucket = this.recent.get(band);
    if (bucket?.includes(id)) return;
    if (bucket) bucket.push(id);
    else this.recent.set(band, [id]);
    if (++this.recentRows > Math.max(4096, this.ids.length >> 3)) this.merge();
  }

  /** The listings sharing the most of `bands` with `self` (itself left out), ties by the larger id, at most `limit`. */
  nearest(self: number, bands: readonly number[], limit: number): number[] {
    const shared = new Map<number, number>();
    const count = (id: number) => {
      if (id !== self) shared.set(id, (shared.get(id) ?? 0) + 1);
    };
    for (const band of new Set(bands)) {
      const i = this.find(band);
      if (i >= 0) for (let j = this.starts[i]!, end = this.starts[i + 1]!; j < end; j++) count(this.ids[j]!);
      this.recent.get(band)?.forEach(count);
    }
    return [...shared]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, limit)
      .map(([id]) => id);
  }

  /** Index of `band` in `keys`, or -1. */
  private find(band: number): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const key = this.keys[mid]!;
      if (key === band) return mid;
      if (key < band) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private settledHas(band: number, id: number): boolean {
    const i = this.find(band);
    if (i < 0) return false;
    let lo = this.starts[i]!;
    let hi = this.starts[i + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.ids[mid]!;
      if (at === id) return true;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** The recent rows into the settled arrays, each band's listings merged in order. */
  private merge(): void {
    const added = [...this.recent.keys()].sort((a, b) => a - b);
    const keys = new Int32Array(this.keys.length + added.length);
    const starts = new Int32Array(keys.length + 1);
    const ids = new Int32Array(this.rows);
    let k = 0;
    let n = 0;
    let i = 0;
    let r = 0;
    while (i < this.keys.length || r < added.length) {
      const old = i < this.keys.length ? this.keys[i]! : Infinity;
      const band = r < added.length && added[r]! <= old ? added[r]! : old;
      keys[k] = band;
      starts[k++] = n;
      const from = band === old ? this.ids.subarray(this.starts[i]!, this.starts[i++ + 1]!) : new Int32Array(0);
      const extra = band === added[r] ? this.recent.get(added[r++]!)!.sort((a, b) => a - b) : [];
      // Two ascending runs, no id in both (add checked).
      let x = 0;
      let y = 0;
      while (x < from.length || y < extra.length) ids[n++] = y >= extra.length || (x < from.length && from[x]! < extra[y]!) ? from[x++]! : extra[y++]!;
    }
    starts[k] = n;
    this.keys = keys.slice(0, k);
    this.starts = starts.slice(0, k + 1);
    this.ids = ids;
    this.recent = new Map();
    this.recentRows = 0;
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
