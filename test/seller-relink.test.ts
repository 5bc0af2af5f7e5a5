import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../contracts/index.js';
import { clusterDetail, clusterOfListing, openStore, saveListing, type ListingRecord, type Store } from '../store/index.js';
import { migrationProvider, type Dialect } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { TEST_POSTGRES_URL } from './helpers/stores.js';

// Migration 0011-relink: a store an older version linked (link keys `wechat:…`, `tg:…`, `+852…`, its
// clusters made by the older rules) is re-linked by the current rules when it is next opened.

const verdict: Verdict = { flagged: true, review: false, category: 'id_holding_photo', score: 0.9, evidence: [], modelVersion: 'm1' };
const record = (i: number, description: string, seller: string): ListingRecord => ({
  site: i === 1 ? 'telegram' : 'xianyu',
  url: `http://m.example/${i}`,
  canonicalUrl: `http://m.example/${i}`,
  title: null,
  description,
  price: null,
  seller,
  images: [],
  fetchedAt: `2026-11-2${i}T00:00:00.000Z`,
  httpStatus: 200,
  contentHash: `h${i}`,
  source: 'crawl',
  crawlId: 'c',
});

/** A database at migration 0010 holding what an older version stored: three listings, each its own cluster, keys in the old format. */
async function oldStore(db: Kysely<Database>, dialect: Dialect, schema?: string): Promise<number[]> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await migrator.migrateTo('0010-revisits');
  if (error) throw error;
  const store = { db, dialect, location: 'old', close: async () => {} } satisfies Store;
  const texts = [
    ['人脸照片打包 两万套 加V：face_88', '小鱼干'],
    ['证件照合集 飞机 @face88', 'tgshop'],
    ['手持照 WhatsApp +852 5000 0168', '港仔'],
  ] as const;
  const ids: number[] = [];
  for (const [i, [description, seller]] of texts.entries()) {
    const { listingId } = await saveListing(store, record(i, description, seller), verdict);
    ids.push(listingId);
    const at = record(i, description, seller).fetchedAt;
    await db.insertInto('seller_clusters').values({ id: listingId, size: 1, first_seen: at, last_seen: at }).execute();
    // The table as 0009 made it (0011 adds first_seen and last_seen).
    await db
      .insertInto('listing_sellers')
      .values({ listing_id: listingId, cluster_id: listingId, seller_key: `#${listingId}`, seller_name: `xianyu\u001f${seller}`, shingles: '[]' } as never)
      .execute();
  }
  const oldKeys = [
    ['wechat:face_88', 'wechat:face88', 'wechat'],
    ['tg:face88', 'tg:face88', 'tg'],
    ['phone:+85250000168', 'phone:+85250000168', 'phone'],
  ];
  for (const [i, [handle_key, link_key, kind]] of oldKeys.entries()) {
    await db
      .insertInto('listing_handles')
      .values({ listing_id: ids[i]!, handle_key: handle_key!, link_key: link_key!, kind: kind!, raw: handle_key! })
      .execute();
  }
  return ids;
}

async function checkRelinked(store: Store, ids: number[]): Promise<void> {
  // One id across WeChat and Telegram: the two listings are one seller now; the phone seller is apart.
  const cluster = (await clusterOfListing(store, ids[0]!))!;
  expect(await clusterOfListing(store, ids[1]!)).toBe(cluster);
  expect(await clusterOfListing(store, ids[2]!)).not.toBe(cluster);
  expect((await clusterDetail(store, cluster))!.links).toEqual([
    { via: 'handle', handles: ['tg:face88', 'wechat:face_88'], listingIds: [ids[0], ids[1]], jaccard: null, shared: null },
  ]);
  const keys = await store.db.selectFrom('listing_handles').select(['listing_id', 'link_key']).orderBy('listing_id').orderBy('link_key').execute();
  expect(keys.filter((k) => !k.link_key.startsWith('alias:'))).toEqual([
    { listing_id: ids[0], link_key: 'id:face88' },
    { listing_id: ids[1], link_key: 'id:face88' },
    // A phone's link key is its national number (link/phone-national.ts): +852 dropped.
    { listing_id: ids[2], link_key: 'phone:50000168' },
  ]);
  expect(await store.db.selectFrom('relink_pending').selectAll().execute()).toEqual([]);
  // Dates come from the listings' text versions.
  expect((await clusterDetail(store, cluster))!).toMatchObject({ size: 2, firstSeen: '2026-11-20T00:00:00.000Z', lastSeen: '2026-11-21T00:00:00.000Z' });
}

describe('opening a store an older version linked', () => {
  it('on SQLite re-derives its link keys and clusters by the current rules', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faceleak-relink-')), 'old.db');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(file) }) });
    const ids = await oldStore(db, 'sqlite');
    await db.destroy();
    const store = await openStore({ databaseUrl: file, dataDir: '.' });
    try {
      await checkRelinked(store, ids);
    } finally {
      await store.close();
    }
  });

  it('on PostgreSQL re-derives its link keys and clusters by the current rules', async () => {
    const pgSchema = `t_${randomBytes(6).toString('hex')}`;
    const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 2, options: `-c search_path=${pgSchema}` });
    await pool.query(`CREATE SCHEMA "${pgSchema}"`);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const ids = await oldStore(db, 'postgres', pgSchema);
    await db.destroy();
    const store = await openStore({ databaseUrl: TEST_POSTGRES_URL, dataDir: '.' }, { schema: pgSchema });
    try {
      await checkRelinked(store, ids);
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA "${pgSchema}" CASCADE`);
      await client.end();
    }
  });
});

describe('opening a store linked before ids told as riddles were read (migration 0012)', () => {
  it('re-links its listings: a WeChat id given as the pinyin of a word joins the listing that spells it out', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faceleak-relink-')), 'old.db');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(file) }) });
    const { error } = await new Migrator({ db, provider: migrationProvider('sqlite') }).migrateTo('0011-relink');
    if (error) throw error;
    const old = { db, dialect: 'sqlite', location: 'old', close: async () => {} } satisfies Store;
    const texts = ['手持照 一套三张 下单后请加V，名字是“活化”的拼音+下划线+studio。', '活化照片 手持证件 微信 huohua_studio'];
    const ids: number[] = [];
    for (const [i, description] of texts.entries()) {
      const { listingId } = await saveListing(old, record(i + 1, description, `卖家${i}`), verdict);
      ids.push(listingId);
      // As the older rules left them: the riddle read as no id, each listing a seller of its own.
      const at = record(i + 1, description, '').fetchedAt;
      await db.insertInto('seller_clusters').values({ id: listingId, size: 1, first_seen: at, last_seen: at }).execute();
      await db
        .insertInto('listing_sellers')
        .values({
          listing_id: listingId,
          cluster_id: listingId,
          seller_key: `#${listingId}`,
          seller_name: `xianyu\u001f卖家${i}`,
          shingles: '[]',
          first_seen: at,
          last_seen: at,
        })
        .execute();
    }
    await db.destroy();
    const store = await openStore({ databaseUrl: file, dataDir: '.' });
    try {
      expect(await clusterOfListing(store, ids[0]!)).toBe(await clusterOfListing(store, ids[1]!));
      expect(await store.db.selectFrom('relink_pending').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
