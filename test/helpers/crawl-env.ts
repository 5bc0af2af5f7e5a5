import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../config/config.js';
import { afterEach } from 'vitest';
import type { DemoMarket } from '../../demo/demo-market.js';
import { deletePrefix, TEST_REDIS_URL, testRedis, uniquePrefix } from './redis.js';

/** Config for one test: its own queue prefix and SQLite file; the shared test Redis. */
export function testConfig(name: string, env: Record<string, string> = {}): Config {
  const dir = mkdtempSync(join(tmpdir(), `faceleak-${name}-`));
  return loadConfig({
    QUEUE_PREFIX: uniquePrefix(name),
    DATABASE_URL: join(dir, 'test.db'),
    DATA_DIR: dir,
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'silent',
    ...env,
  });
}

/**
 * What a crawl test starts and must clean up: a demo market and a queue prefix. Call once per file
 * (it registers an afterEach); set `market` and `prefix` in each test.
 */
export function crawlTestScope(): { market?: DemoMarket; prefix?: string } {
  const scope: { market?: DemoMarket; prefix?: string } = {};
  afterEach(async () => {
    await scope.market?.close();
    if (scope.prefix) {
      const r = testRedis();
      await deletePrefix(r, scope.prefix);
      r.disconnect();
    }
    scope.market = undefined;
    scope.prefix = undefined;
  });
  return scope;
}
