import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../config/config.js';
import { TEST_REDIS_URL, uniquePrefix } from './redis.js';

/** Config for one test: its own queue prefix and SQLite file; the shared test Redis. */
export function testConfig(name: string, env: Record<string, string> = {}): Config {
  const dir = mkdtempSync(join(tmpdir(), `faceleak-${name}-`));
  return loadConfig({ QUEUE_PREFIX: uniquePrefix(name), DATABASE_URL: join(dir, 'test.db'), DATA_DIR: dir, REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'silent', ...env });
}
