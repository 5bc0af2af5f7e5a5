import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../contracts/index.js';
import type { FetchedPage } from '../crawler/index.js';
import { MAX_FAILED_STARTS, StoreThread, StoreThreadBrokenError } from '../pipeline/store-thread.js';
import { clusterOfListing, listingsOfCrawl, openStore, type ListingRecord, type Store } from '../store/index.js';
import { listingRecord } from './fixtures/listing-record.js';

const verdict: Verdict = { flagged: false, review: false, category: null, score: 0.1, evidence: [], modelVersion: 'm1' };
const page = (url: string): FetchedPage => ({ url, status: 200, html: '<h1>x</h1>', rendered: false });
const record = (n: number, over: Partial<ListingRecord> = {}) =>
  listingRecord(`http://m.example/item/${n}`, { title: `证件照 ${n}`, seller: `s${n}`, crawlId: 'c1', ...over });

describe('the store thread of a crawl worker', () => {
  let dir: string;
  let thread: StoreThread;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceleak-store-thread-'));
    store = await openStore({ databaseUrl: join(dir, 'x.db'), dataDir: dir });
    thread = new StoreThread({ databaseUrl: join(dir, 'x.db'), dataDir: dir, snapshotDir: undefined });
  });
  afterEach(async () => {
    await thread.close();
    await store.close();
  });

  it('answers a write once it is committed: another connection reads it at once', async () => {
    const saved = await Promise.all(
      [1, 2, 3].map((n) => thread.write(record(n), verdict, { first: page(`http://m.example/item/${n}`), last: page(`http://m.example/item/${n}`) })),
    );
    expect(saved.map((s) => s.isNew)).toEqual([true, true, true]);
    const stored: string[] = [];
    for await (const l of listingsOfCrawl(store, 'c1')) stored.push(`${l.canonicalUrl} ${l.verdict?.modelVersion}`);
    expect(stored.sort()).toEqual([1, 2, 3].map((n) => `http://m.example/item/${n} m1`));
  });

  it("fails a write the store refuses with the store's reason, and goes on writing", async () => {
    const pages = { first: page('http://m.example/item/9'), last: page('http://m.example/item/9') };
    await expect(thread.write(record(9, { site: null as never }), verdict, pages)).rejects.toThrow(/NOT NULL/i);
    expect((await thread.write(record(9), verdict, pages)).isNew).toBe(true);
  });

  it('links what it writes by the link features computed on the sending thread: one WeChat id, disguised, on two sites is one seller', async () => {
    const pages = (n: number) => ({ first: page(`http://m.example/item/${n}`), last: page(`http://m.example/item/${n}`) });
    const a = await thread.write(record(20, { site: 'xianyu', description: '人脸照片打包 两万套 加V：fa ce88' }), verdict, pages(20));
    const b = await thread.write(record(21, { site: 'taobao', description: '换脸视频 薇❤face88' }), verdict, pages(21));
    const c = await thread.write(record(22, { site: 'taobao', description: '证件照 加V：other_seller' }), verdict, pages(22));
    expect(await clusterOfListing(store, b.listingId)).toBe(a.listingId);
    expect(await clusterOfListing(store, c.listingId)).toBe(c.listingId);
  });
});

describe('a store thread that cannot open its store', () => {
  it('is started again for the next write only until it has failed to start three times in a row, then refuses writes at once and says so once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceleak-store-thread-broken-'));
    // A database "file" under a regular file: the thread's openStore fails every time, as a broken store would.
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const told: Error[] = [];
    const thread = new StoreThread({ databaseUrl: join(dir, 'not-a-dir', 'x.db'), dataDir: dir, snapshotDir: undefined }, (e) => told.push(e));
    const pages = { first: page('http://m.example/item/1'), last: page('http://m.example/item/1') };
    for (let i = 0; i < MAX_FAILED_STARTS; i++) {
      const error = await thread.write(record(1), verdict, pages).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(StoreThreadBrokenError);
    }
    expect(thread.starts).toBe(MAX_FAILED_STARTS);
    expect(told).toHaveLength(1);
    expect(told[0]).toBeInstanceOf(StoreThreadBrokenError);
    expect(told[0]!.message).toMatch(/failed to start 3 times in a row/);
    await expect(thread.write(record(2), verdict, pages)).rejects.toBeInstanceOf(StoreThreadBrokenError);
    expect(thread.starts).toBe(MAX_FAILED_STARTS);
    expect(told).toHaveLength(1);
    await thread.close();
  });
});
