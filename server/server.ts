import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { startCrawlWorker, type CrawlWorker } from '../crawler/worker.js';
import { loadSiteConfigDir } from '../crawler/site-config.js';
import { connectRedis, redisReady, registerSites, WorkQueue } from '../queue/index.js';
import { openStore, queuedReportIds } from '../store/index.js';
import { buildApp } from './app.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/** Opens the store and queue, re-queues waiting reports, starts workers (unless told not to) and listens. */
export async function startServer(config: Config, redisUrl: string, options: { /** Jobs the in-process workers work at once; 0: no workers here. */ workers: number; host?: string; logger?: FastifyBaseLogger }): Promise<RunningServer> {
  // Read first: a bad site config stops the start before anything is opened.
  const sites = config.sitesDir ? loadSiteConfigDir(config.sitesDir) : [];
  const store = await openStore(config);
  const redis = connectRedis(redisUrl, { failFast: true });
  redis.on('error', () => {}); // outages surface as 503s on the routes that need Redis and in /healthz
  await redisReady(redis);
  const queue = new WorkQueue(redis, config.queuePrefix);
  await registerSites(redis, queue.keys, sites);
  // A crash between storing a report and queuing it leaves it waiting: queue it again (job ids make this harmless).
  for (const id of await queuedReportIds(store)) await queue.enqueueReport(id);
  const worker: CrawlWorker | null = options.workers > 0 ? await startCrawlWorker({ config, redisUrl, concurrency: options.workers, store }) : null;
  const app = buildApp({ store, queue, redis, logger: options.logger, rateLimitPerMinute: config.rateLimitPerMinute, extensionOrigins: config.extensionOrigins });
  const url = await app.listen({ port: config.port, host: options.host ?? '127.0.0.1' });
  return {
    app,
    url,
    async close() {
      await app.close();
      await worker?.close();
      await queue.close();
      redis.disconnect();
      await store.close();
    },
  };
}
