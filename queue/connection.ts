import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config/index.js';
import { DEFAULT_REDIS_URL } from '../config/index.js';
import { RedisUnavailableError } from './errors.js';
import { startPrivateRedis } from './private-redis.js';
import { asClusterUrl, redisTarget } from './redis-target.js';

/**
 * Workers wait out a Redis outage (BullMQ needs maxRetriesPerRequest: null for them). With
 * `failFast`, for the API's producer connection, a command fails at once while Redis is away and
 * after 5 s if it does not answer: the caller gets a 503 to retry, not a request that hangs.
 *
 * A cluster URL (redis-target.ts) gives an ioredis Cluster. It is typed as `Redis` because it answers
 * every command faceleak sends the same way (each key group is hash-tagged into one slot, see names.ts),
 * and BullMQ, @fastify/rate-limit and our classes take either; `isCluster` tells them apart.
 */
export function connectRedis(url: string, options: { failFast?: boolean; autoPipelining?: boolean } = {}): Redis {
  const target = redisTarget(url);
  // Auto-pipelining sends the commands of one event-loop tick in one write: a crawl job's pages each
  // call the host gate and the frontier at once, and one write per command costs a worker more CPU
  // than the work itself. Not for connections that block (BullMQ's worker connection).
  const pipelining = { enableAutoPipelining: options.autoPipelining === true };
  const tuning: RedisOptions = options.failFast
    ? { maxRetriesPerRequest: 1, commandTimeout: 5000, enableReadyCheck: true, ...pipelining }
    : { maxRetriesPerRequest: null, enableReadyCheck: true, ...pipelining };
  if (!target.cluster) {
    return new Redis(target.url.toString(), { ...tuning, ...(options.failFast ? { enableOfflineQueue: false } : { lazyConnect: false }) });
  }
  const { url: u } = target;
  const cluster = new Cluster([...target.nodes], {
    ...pipelining,
    enableOfflineQueue: !options.failFast,
    enableReadyCheck: true,
    redisOptions: {
      ...tuning,
      username: decodeURIComponent(u.username) || undefined,
      password: decodeURIComponent(u.password) || undefined,
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  });
  return cluster as unknown as Redis;
}

/** True when the connection is to a Redis Cluster. */
export function isCluster(redis: Redis | Cluster): boolean {
  return (redis as { isCluster?: boolean }).isCluster === true;
}

async function answers(url: string): Promise<boolean> {
  // A cluster answers when any of its seed nodes does; the client learns the rest from it.
  const { nodes, url: u } = redisTarget(url);
  for (const node of nodes) {
    const probe = new Redis({
      host: node.host,
      port: node.port,
      username: decodeURIComponent(u.username) || undefined,
      password: decodeURIComponent(u.password) || undefined,
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 1000,
    });
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return true;
    } catch {
      // try the next seed node
    } finally {
      probe.disconnect();
    }
  }
  return false;
}

/**
 * The Redis URL to use. REDIS_URL when set (it must answer), marked as a cluster's when REDIS_CLUSTER=1.
 * Otherwise the default local Redis, or — when nothing answers there — a private redis-server under
 * DATA_DIR, started if need be.
 */
export async function resolveRedisUrl(config: Pick<Config, 'redisUrl' | 'redisCluster' | 'dataDir'>, say: (m: string) => void = () => {}): Promise<string> {
  if (config.redisUrl) {
    const url = config.redisCluster ? asClusterUrl(config.redisUrl) : config.redisUrl;
    if (await answers(url)) return url;
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
