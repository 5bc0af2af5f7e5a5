import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/classify.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { startPipelineWorker } from '../pipeline/pipeline-worker.js';
import { startServer, type RunningServer } from '../server/server.js';
import { addReportSite, createToken, getReport, openStore, type Store } from '../store/index.js';
import { testConfig } from './helpers/crawl-env.js';
import { redisProcess, type RedisProcess } from './helpers/redis-process.js';

describe('a Redis restart under a running server', () => {
  let redis: RedisProcess | null = null;
  let server: RunningServer | null = null;
  let store: Store | null = null;
  afterEach(async () => {
    await server?.close();
    await store?.close();
    await redis?.stop();
  });

  it('classifies the reports it had accepted, without a server restart, and files them under their site', async () => {
    redis = await redisProcess();
    await redis.start();
    const config = testConfig('restart', { REDIS_URL: redis.url });
    store = await openStore(config);
    const token = await createToken(store, 'mod-r', 'moderator');
    // A site on a closed loopback port, not recrawled (private network): the test reaches nothing outside the machine.
    await addReportSite(store, parseSiteConfig({ name: 'market', startUrls: ['http://127.0.0.1:9/'], allowPrivateNetwork: true }), {
      source: 'admin',
      by: 'test',
      recrawlPrivate: false,
    });
    // No in-process workers: the jobs sit in Redis when it goes down.
    server = await startServer({ ...config, port: 0 }, redis.url, { workers: 0, sweepEveryMs: 60_000 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: { authorization: `Bearer ${token}` },
        payload: { url: `http://127.0.0.1:9/item/${i}`, title: '手持身份证照 五毛一张', clientReportId: randomUUID() },
      });
      expect(res.statusCode).toBe(202);
      ids.push(res.json().id);
    }
    await redis.stop(); // every queued job is gone with it
    await redis.start();
    // The server reconnects by itself and queues the waiting reports again; a worker then works them.
    const worker = await startPipelineWorker({ config, redisUrl: redis.url, concurrency: 2, classifier: Classifier.load(), store });
    try {
      for (let i = 0; i < 150; i++) {
        const states = await Promise.all(ids.map((id) => getReport(store!, id)));
        if (states.every((r) => r?.status === 'classified')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.close();
    }
    expect((await Promise.all(ids.map((id) => getReport(store!, id)))).map((r) => r?.status)).toEqual(Array(5).fill('classified'));
    const sites = await store.db.selectFrom('listings').select('site').distinct().execute();
    expect(sites).toEqual([{ site: 'market' }]);
  });
});
