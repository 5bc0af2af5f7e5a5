import { join } from 'node:path';

/**
 * The environment a bench reads its config from: its own queue prefix, folder and quiet logs, with
 * the caller's REDIS_URL and DATABASE_URL when set (so `REDIS_URL=… npm run bench` measures that
 * Redis, as every other command would), else the default Redis and a SQLite file in `dir`.
 */
export function benchEnv(prefix: string, dir: string, file: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    QUEUE_PREFIX: `${prefix}-${Date.now()}`,
    DATABASE_URL: process.env.DATABASE_URL || join(dir, file),
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...extra,
  };
}
