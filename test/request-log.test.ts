import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis, WorkQueue } from '../queue/index.js';
import { buildApp } from '../server/app.js';
import { deletePrefix, TEST_REDIS_URL, uniquePrefix } from './helpers/redis.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The real app with a pino logger at `level` writing to an array, plus a failing and a slow route. */
async function appLoggingAt(level: 'info' | 'debug') {
  const t: TestStore = await STORE_KINDS.sqlite();
  const prefix = uniquePrefix('request-log');
  const queue = new WorkQueue(connectRedis(TEST_REDIS_URL), prefix);
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const app = buildApp({ store: t.store, queue, redis: queue.redis, logger: pino({ level }, sink) });
  app.get('/test/boom', async () => {
    throw new Error('boom');
  });
  app.get('/test/slow', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    return { ok: true };
  });
  cleanups.push(async () => {
    await app.close();
    await deletePrefix(queue.redis, prefix);
    await queue.close();
    queue.redis.disconnect();
    await t.cleanup();
  });
  const requestLines = () => lines.filter((l) => l.msg === 'request completed' || l.msg === 'slow request' || l.msg === 'incoming request');
  return { app, requestLines };
}

describe('the request log of `faceleak serve`', () => {
  it('at the default level, logs server errors, client errors and slow requests, not every request, with values redacted', async () => {
    const { app, requestLines } = await appLoggingAt('info');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBeLessThan(500);
    await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect((await app.inject({ method: 'GET', url: '/test/boom?token=s3cr3t' })).statusCode).toBe(500);
    expect((await app.inject({ method: 'GET', url: '/no/such/page?q=440304199001' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/test/slow' })).statusCode).toBe(200);
    const logged = requestLines().map((l) => ({ level: l.level, url: (l.req as { url: string }).url, status: (l.res as { statusCode: number }).statusCode }));
    expect(logged).toEqual([
      { level: 50, url: '/test/boom?token=…', status: 500 },
      { level: 30, url: '/no/such/page?q=…', status: 404 },
      { level: 40, url: '/test/slow', status: 200 },
    ]);
    expect(requestLines()[2]!.responseTime).toBeGreaterThan(1000);
    const all = JSON.stringify(requestLines());
    expect(all).not.toContain('s3cr3t');
    expect(all).not.toContain('440304199001');
  }, 20_000);

  it('with LOG_LEVEL=debug, logs every request once', async () => {
    const { app, requestLines } = await appLoggingAt('debug');
    await app.inject({ method: 'GET', url: '/healthz?x=1' });
    await app.inject({ method: 'GET', url: '/api/docs/json' });
    const logged = requestLines();
    expect(logged.map((l) => (l.req as { url: string }).url)).toEqual(['/healthz?x=…', '/api/docs/json']);
    expect(logged.every((l) => l.level === 20 && l.msg === 'request completed')).toBe(true);
  });
});
