import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostGate, retryAfterMs } from '../crawler/politeness/host-gate.js';
import { redisKeys } from '../queue/names.js';
import { deletePrefix, testRedis, uniquePrefix } from './helpers/redis.js';

describe('HostGate', () => {
  let prefix: string;
  let a: Redis;
  let b: Redis;
  beforeEach(() => {
    prefix = uniquePrefix('gate');
    a = testRedis();
    b = testRedis();
  });
  afterEach(async () => {
    await deletePrefix(a, prefix);
    a.disconnect();
    b.disconnect();
  });

  it('holds requests per second and requests in flight across two workers', async () => {
    const gates = [new HostGate(a, redisKeys(prefix)), new HostGate(b, redisKeys(prefix))];
    const limits = { requestsPerSecond: 10, maxConcurrency: 2 };
    let inFlight = 0;
    let peak = 0;
    const starts: number[] = [];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const gate = gates[i % 2]!;
        const lease = await gate.acquire('shop.example', limits);
        starts.push(Date.now() - started);
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 30));
        inFlight--;
        await gate.release(lease);
      }),
    );
    expect(peak).toBeLessThanOrEqual(2);
    // 16 requests at 10/s with a burst of 10: the last cannot start before ~0.6 s.
    expect(Math.max(...starts)).toBeGreaterThanOrEqual(550);
    // In any one-second window at most burst + rate requests start.
    for (const s of starts) expect(starts.filter((t) => t >= s && t < s + 1000).length).toBeLessThanOrEqual(20);
  });

  it('keeps every worker off a host that asked to back off', async () => {
    const gate = new HostGate(a, redisKeys(prefix));
    const other = new HostGate(b, redisKeys(prefix));
    await gate.backOff('busy.example', 400);
    const t0 = Date.now();
    await other.release(await other.acquire('busy.example', { requestsPerSecond: 100, maxConcurrency: 5 }));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
