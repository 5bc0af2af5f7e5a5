import { Redis } from 'ioredis';
import type { Config } from '../config/index.js';
import { DEFAULT_REDIS_URL } from '../config/index.js';
import { RedisUnavailableError } from './errors.js';
import { startPrivateRedis } from './private-redis.js';

/** A connection as BullMQ needs it: commands wait for a reconnect instead of failing mid-job. */
/**
 * Workers wait out a Redis outage (BullMQ needs maxRetriesPerRequest: null for them). With
 * `failFast`, for the API's producer connection, a command fails at once while Redis is away and
 * after 5 s if it does not answer: the caller gets a 503 to retry, not a request that hangs.
 */
export function connectRedis(url: string, options: { failFast?: boolean } = {}): Redis {
  if (options.failFast) return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 5000, enableReadyCheck: true });
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * The Redis URL to use. REDIS_URL when set (it must answer). Otherwise the default local Redis,
 * or — when nothing answers there — a private redis-server under DATA_DIR, started if need be.
 */
export async function resolveRedisUrl(config: Pick<Config, 'redisUrl' | 'dataDir'>, say: (m: string) => void = () => {}): Promise<string> {
  if (config.redisUrl) {
    if (await answers(config.redisUrl)) return config.redisUrl;
    throw new RedisUnavailableError(`nothing answers at REDIS_URL=${config.redisUrl}; start Redis there or unset REDIS_URL to use a private one`);
  }
  if (await answers(DEFAULT_REDIS_URL)) return DEFAULT_REDIS_URL;
  const url = await startPrivateRedis(config.dataDir, say);
  if (await answers(url)) return url;
  throw new RedisUnavailableError(`the private redis-server at ${url} does not answer; see ${config.dataDir}/redis/redis.log`);
}

/** Resolves once the connection is ready (a fail-fast connection refuses commands before that). */
export function redisReady(redis: Redis, timeoutMs = 5000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new RedisUnavailableError(`Redis did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
