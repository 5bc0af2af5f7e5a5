import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connectRedis, WorkQueue } from '../queue/index.js';
import { buildApp } from '../server/app.js';
import { createToken, getReport } from '../store/index.js';
import { deletePrefix, TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';
import { STORE_KINDS } from './helpers/stores.js';

describe('report intake while Redis is down', () => {
  it('answers 503 at once, keeps the report, and queues it once when it is sent again', async () => {
    const t = await STORE_KINDS.sqlite();
    const prefix = uniquePrefix('down');
    // Nothing listens on port 1: the fail-fast connection refuses commands instead of waiting.
    const deadRedis = connectRedis('redis://127.0.0.1:1', { failFast: true });
    deadRedis.on('error', () => {});
    const down = buildApp({ store: t.store, queue: new WorkQueue(deadRedis, prefix), redis: deadRedis });
    const token = await createToken(t.store, 'mod-a', 'moderator');
    const body = { url: 'https://m.example/item/1', title: '手持身份证照', clientReportId: randomUUID() };
    const send = (app: typeof down) => app.inject({ method: 'POST', url: '/api/v1/reports', headers: { authorization: `Bearer ${token}` }, payload: body });
    const started = performance.now();
    const refused = await send(down);
    expect(performance.now() - started).toBeLessThan(3000);
    expect([refused.statusCode, refused.json().error.code]).toEqual([503, 'FL_QUEUE_UNAVAILABLE']);
    expect((await down.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'degraded', database: 'ok' });
    await down.close();
    deadRedis.disconnect();

    const queue = new WorkQueue(connectRedis(TEST_REDIS_URL), prefix);
    const up = buildApp({ store: t.store, queue, redis: queue.redis });
    try {
      const accepted = await send(up);
      expect(accepted.statusCode).toBe(202);
      expect((await getReport(t.store, accepted.json().id))?.clientReportId).toBe(body.clientReportId);
      await send(up);
      expect(await queue.queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
    } finally {
      await up.close();
      await deletePrefix(queue.redis, prefix);
      await queue.close();
      queue.redis.disconnect();
      await t.cleanup();
    }
  });

  it('answers 500 with a code and no internals when the database fails', async () => {
    const t = await STORE_KINDS.sqlite();
    const queue = new WorkQueue(connectRedis(TEST_REDIS_URL), uniquePrefix('db-down'));
    const app = buildApp({ store: t.store, queue, redis: queue.redis });
    const token = await createToken(t.store, 'inv-a', 'investigator');
    await t.store.close();
    const res = await app.inject({ method: 'GET', url: '/api/v1/listings', headers: { authorization: `Bearer ${token}` } });
    expect([res.statusCode, res.json()]).toEqual([500, { error: { code: 'FL_INTERNAL', message: 'internal error; see the server log' } }]);
    await app.close();
    await queue.close();
    queue.redis.disconnect();
  });
});
