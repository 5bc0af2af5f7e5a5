import type { Job } from 'bullmq';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RevisitJob } from '../contracts/index.js';
import { parseSiteConfig } from '../crawler/site-config.js';
import { demoSiteConfig } from '../demo/demo-market.js';
import type { RevisitContext, RevisitDeps } from '../pipeline/revisit-context.js';
import { revisitListing } from '../pipeline/revisit-listing.js';
import { RevisitSchedule } from '../pipeline/revisit-schedule.js';
import { WorkQueue } from '../queue/index.js';
import { deletePrefix, testRedis, uniquePrefix } from './helpers/redis.js';

const redis = testRedis();
let prefix = '';
let open: WorkQueue | undefined;
afterEach(async () => {
  await open?.close();
  await deletePrefix(redis, prefix);
});
afterAll(() => redis.disconnect());

// Nothing listens here: a visit that tried to fetch would fail, not pass.
const site = parseSiteConfig(demoSiteConfig('http://127.0.0.1:9', { revisit: { index: '1h', listing: '2s' } }));
const url = 'http://127.0.0.1:9/item/x1';

async function watched(): Promise<{ schedule: RevisitSchedule; queue: WorkQueue; watchId: string }> {
  prefix = uniquePrefix('revisit-chain');
  const queue = new WorkQueue(redis, prefix);
  open = queue;
  const schedule = new RevisitSchedule(queue);
  return { schedule, queue, watchId: await schedule.start(site) };
}

describe("a listing's visit chain", () => {
  it('has one head: the visit that started it, then the one it queued; a second first visit is a stray', async () => {
    const { schedule, watchId } = await watched();
    // Two index polls that overlapped both found the listing new, and queued first visits due at 1000 and 1500.
    expect(await schedule.isChainHead(watchId, url, 1000)).toBe(true);
    const next = await schedule.addNextVisit(watchId, url, 1000, 2000, 1100);
    expect(next).toBe(3000);
    expect(await schedule.isChainHead(watchId, url, 1500)).toBe(false);
    // A retry of the visit that advanced the chain, and the visit it queued, are heads.
    expect(await schedule.isChainHead(watchId, url, 1000)).toBe(true);
    expect(await schedule.isChainHead(watchId, url, 3000)).toBe(true);
    await schedule.addNextVisit(watchId, url, 3000, 2000, 3100);
    expect(await schedule.isChainHead(watchId, url, 1000)).toBe(false);
  });

  it('drops a stray visit before it fetches anything, and queues nothing after it', async () => {
    const { schedule, queue, watchId } = await watched();
    await schedule.addNextVisit(watchId, url, 1000, 2000, 1100);
    const before = (await queue.queue.getJobs(['delayed', 'waiting'])).length;
    const job = { data: { kind: 'revisit', watchId, role: 'listing', url, due: 1500 } } as Job<RevisitJob>;
    const ctx: RevisitContext = {
      watchId,
      site,
      policy: { allowedHosts: new Set(['127.0.0.1']), allowPrivateNetwork: true },
      limits: { requestsPerSecond: 1, maxConcurrency: 1 } as never,
    };
    // Only the schedule is given: a stray that reached the store or the network would throw.
    expect(await revisitListing(job, ctx, { schedule } as unknown as RevisitDeps)).toBe('stray');
    expect((await queue.queue.getJobs(['delayed', 'waiting'])).length).toBe(before);
  });
});
