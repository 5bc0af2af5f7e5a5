import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { connectRedis, WorkQueue } from '../../queue/index.js';
import { buildApp, type AppDeps } from '../../server/app.js';
import { deletePrefix, TEST_REDIS_URL, uniquePrefix } from './redis.js';
import type { TestStore } from './stores.js';

export interface ApiScope {
  t: TestStore;
  app: FastifyInstance;
  queue: WorkQueue;
  prefix: string;
}

/** A fresh store, queue prefix and app for each test of a file (registers beforeEach/afterEach). */
export function apiTestScope(
  open: () => Promise<TestStore>,
  name: string,
  settings: Pick<AppDeps, 'rateLimitPerMinute' | 'extensionOrigins' | 'trustProxy'> = {},
): ApiScope {
  const scope = {} as ApiScope;
  beforeEach(async () => {
    scope.t = await open();
    scope.prefix = uniquePrefix(name);
    scope.queue = new WorkQueue(connectRedis(TEST_REDIS_URL), scope.prefix);
    scope.app = buildApp({ store: scope.t.store, queue: scope.queue, redis: scope.queue.redis, ...settings });
  });
  afterEach(async () => {
    await scope.app.close();
    await deletePrefix(scope.queue.redis, scope.prefix);
    await scope.queue.close();
    scope.queue.redis.disconnect();
    await scope.t.cleanup();
  });
  return scope;
}
