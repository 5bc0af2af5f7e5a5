import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { snapshotDirOf, type Config } from '../config/index.js';
import { startPipelineWorker, type PipelineWorker } from '../pipeline/index.js';
import { loadSiteConfigDir } from '../crawler/index.js';
import { connectRedis, redisReady, WorkQueue } from '../queue/index.js';
import { startReportSweeper, redisPersists } from '../pipeline/index.js';
import { openStore, syncSitesDir } from '../store/index.js';
import { buildApp } from './app.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/** Opens the store and queue, re-queues waiting reports, starts workers (unless told not to) and listens. */
export interface ServerOptions {
  /** Jobs the in-process workers work at once; 0: no workers here. */
  readonly workers: number;
  readonly host?: string;
  readonly logger?: FastifyBaseLogger;
  /** How often reports still waiting are queued again (default 60 s), and after how long (default 2 min). */
  readonly sweepEveryMs?: number;
  readonly sweepStaleAfterMs?: number;
}

export async function startServer(config: Config, redisUrl: string, options: ServerOptions): Promise<RunningServer> {
  // Read first: a bad site config stops the start before anything is opened.
  const sites = config.sitesDir ? loadSiteConfigDir(config.sitesDir) : [];
  const store = await openStore(config);
  if (config.sitesDir) await syncSitesDir(store, sites, `SITES_DIR ${config.sitesDir}`);
  const redis = connectRedis(redisUrl, { failFast: true });
  redis.on('error', () => {}); // outages surface as 503s on the routes that need Redis and in /healthz
  await redisReady(redis);
  const queue = new WorkQueue(redis, config.queuePrefix);
  if ((await redisPersists(redis)) === false) {
    options.logger?.warn(
      'Redis keeps nothing on disk: a Redis restart loses queued work and crawl progress. Accepted reports are queued again from the database, but run Redis with appendonly yes in production.',
    );
  }
  // A crash between storing a report and queuing it, or a Redis restart, leaves reports waiting: queue them again now and on every sweep.
  const sweeper = startReportSweeper(store, queue, redis, {
    everyMs: options.sweepEveryMs,
    staleAfterMs: options.sweepStaleAfterMs,
    warn: (m) => options.logger?.warn(m),
  });
  await sweeper.sweep(0);
  await queue.scheduleDiscovery(config.discoveryEveryHours * 3_600_000);
  const worker: PipelineWorker | null = options.workers > 0 ? await startPipelineWorker({ config, redisUrl, concurrency: options.workers, store }) : null;
  const app = buildApp({
    store,
    queue,
    redis,
    logger: options.logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    extensionOrigins: config.extensionOrigins,
    trustProxy: config.trustProxy,
    snapshotDir: snapshotDirOf(config),
  });
  const url = await app.listen({ port: config.port, host: options.host ?? '127.0.0.1' });
  return {
    app,
    url,
    async close() {
      sweeper.close();
      await app.close();
      await worker?.close();
      await queue.close();
      redis.disconnect();
      await store.close();
    },
  };
}
