import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectRedis, redisReady, WorkQueue } from '../queue/index.js';
import { startReportSweeper, type ReportSweeper } from '../pipeline/report-sweeper.js';
import { createReport, setReportStatus } from '../store/index.js';
import { deletePrefix, TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

describe('the report sweeper', () => {
  let t: TestStore;
  let queue: WorkQueue;
  let sweeper: ReportSweeper;
  beforeEach(async () => {
    t = await STORE_KINDS.sqlite();
    queue = new WorkQueue(connectRedis(TEST_REDIS_URL), uniquePrefix('sweep'));
    await redisReady(queue.redis);
    sweeper = startReportSweeper(t.store, queue, queue.redis, { everyMs: 3_600_000, warn: (m) => expect.unreachable(m) });
  });
  afterEach(async () => {
    sweeper.close();
    await deletePrefix(queue.redis, queue.prefix);
    await queue.close();
    queue.redis.disconnect();
    await t.cleanup();
  });
  const waiting = async () => (await queue.queue.getJobCounts('waiting')).waiting;

  it('queues again what the database still has waiting once it is stale, once however often it runs', async () => {
    const report = (n: number) =>
      createReport(t.store, {
        clientReportId: randomUUID(),
        reporter: 'mod',
        url: `https://m.example/${n}`,
        title: 't',
        description: null,
        price: null,
        seller: null,
        note: null,
        suspectedCategory: null,
      });
    const lost = (await report(1)).report; // accepted, its job since lost
    const done = (await report(2)).report;
    await setReportStatus(t.store, done.id, 'classified');
    expect(await sweeper.sweep(60_000)).toBe(0); // not stale yet: its job may still be on its way
    expect(await sweeper.sweep(0)).toBe(1);
    expect(await sweeper.sweep(0)).toBe(1);
    expect(await waiting()).toBe(1);
    expect((await queue.queue.getJobs(['waiting']))[0]!.data).toEqual({ kind: 'report', reportId: lost.id });
  });
});
