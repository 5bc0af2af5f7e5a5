import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSiteConfig, startDemoMarket, type DemoListing } from '../demo/demo-market.js';
import { connectRedis, WorkQueue } from '../queue/index.js';
import { openStore, type Store } from '../store/index.js';
import { FIXTURE_LISTINGS } from './fixtures/demo-listings.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { runCli } from './helpers/run-cli.js';
import { oneVisitPerListing, pendingVisits } from './helpers/watch-visits.js';
import { exited, spawnWorker } from './helpers/worker-process.js';
import { watchIdOf } from '../pipeline/index.js';

const scope = crawlTestScope();
const children: ChildProcess[] = [];
let store: Store | undefined;
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await store?.close();
  store = undefined;
});

const STATIC = FIXTURE_LISTINGS.filter((l) => l.page === 'static');
const ADDED: DemoListing = { ...STATIC[0]!, id: 'w9', title: '人脸打包 两万套 高清', description: '打包出售，量大从优，加V' };

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a watch worked by `faceleak worker` processes', () => {
  it('carries on when every process is killed and others start, without doubling any visit', async () => {
    const market = await startDemoMarket({ listings: structuredClone(STATIC), perPage: 8 });
    scope.market = market;
    const config = testConfig('watch-workers');
    scope.prefix = config.queuePrefix;
    const siteFile = join(config.dataDir, 'site.json');
    writeFileSync(siteFile, JSON.stringify(demoSiteConfig(market.origin, { revisit: { index: '2s', listing: '2s' }, removedPattern: '/removed' })));
    const env = { QUEUE_PREFIX: config.queuePrefix, DATABASE_URL: config.databaseUrl!, DATA_DIR: config.dataDir, REDIS_URL: TEST_REDIS_URL };

    // The command only schedules; it exits at once, and workers do the visits.
    const scheduled = await runCli(['watch', '--site', siteFile, '--enqueue-only'], '', env);
    expect(scheduled.stderr).toContain('demo-market is under watch');
    expect(scheduled.code).toBe(0);

    const first = spawnWorker(config, ['--concurrency', '4', '--lock-ms', '2000']);
    children.push(first);
    store = await openStore(config);
    const count = async () => (await store!.db.selectFrom('listings').select('id').execute()).length;
    await until('the first worker', async () => first.output().includes('worker started'), 60_000);
    await until('the first poll', async () => (await count()) === STATIC.length).catch((e: Error) => {
      throw new Error(`${e.message}; worker said:\n${first.output()}`);
    });

    // Every process goes away at once (no clean shutdown); meanwhile the market changes.
    first.kill('SIGKILL');
    await exited(first);
    market.addListing(structuredClone(ADDED));
    market.editListing(STATIC[1]!.id, { description: '已更新：现货，随时发货' });
    const second = spawnWorker(config, ['--concurrency', '4', '--lock-ms', '2000']);
    children.push(second);
    // A worker takes seconds to start on a busy machine (TypeScript, the model); the watch is judged from then on.
    await until('the second worker', async () => second.output().includes('worker started'), 60_000);
    const started = Date.now();
    await until('the listing added while no worker ran', async () => (await count()) === STATIC.length + 1);
    await until('the edit made while no worker ran', async () => {
      const versions = await store!.db
        .selectFrom('listing_versions as v')
        .innerJoin('listings as l', 'l.id', 'v.listing_id')
        .select('v.id')
        .where('l.canonical_url', 'like', `%/${STATIC[1]!.id}`)
        .execute();
      return versions.length === 2;
    });
    console.log(`after the restart, the new listing and the edit were stored within ${Date.now() - started} ms of the new worker starting`);
    await new Promise((r) => setTimeout(r, 3000));

    const redis = connectRedis(TEST_REDIS_URL);
    const queue = new WorkQueue(redis, config.queuePrefix);
    const watchId = watchIdOf('demo-market');
    try {
      // One pending visit per listing, though the killed worker's jobs were taken over after their locks expired.
      await oneVisitPerListing(queue, watchId, STATIC.length + 1);

      const stopped = await runCli(['watch', '--site', siteFile, '--stop'], '', env);
      expect(stopped.stderr).toContain('stopped watching demo-market');
      // Visits under way when it stopped finish without queuing another; then nothing is fetched.
      await until('the stopped watch to drain', async () => (await pendingVisits(queue, watchId)).length === 0, 10_000);
      const hits = [...market.hits.values()].reduce((a, b) => a + b, 0);
      await new Promise((r) => setTimeout(r, 2500));
      expect([...market.hits.values()].reduce((a, b) => a + b, 0)).toBe(hits);
    } finally {
      await queue.close();
      redis.disconnect();
    }
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 120_000);
});
