import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { PRIVATE_REDIS_PORT, startPrivateRedis } from '../queue/private-redis.js';

const dir = mkdtempSync(join(tmpdir(), 'faceleak-private-redis-'));

afterAll(() => {
  try {
    process.kill(Number(readFileSync(join(dir, 'redis', 'redis.pid'), 'utf8')));
  } catch {
    // already gone
  }
});

describe('the private redis-server', () => {
  it('starts under DATA_DIR with queue-safe settings, says so, and is found again by the next process', async () => {
    const said: string[] = [];
    const url = await startPrivateRedis(dir, (m) => said.push(m));
    expect(url).toBe(`redis://127.0.0.1:${PRIVATE_REDIS_PORT}`);
    const redis = new Redis(url);
    try {
      expect(await redis.ping()).toBe('PONG');
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect((await redis.config('GET', 'dir'))[1]).toBe(join(dir, 'redis'));
    } finally {
      redis.disconnect();
    }
    expect(said.join('\n')).toMatch(/starting a private redis-server on port 6390/);
    const again: string[] = [];
    expect(await startPrivateRedis(dir, (m) => again.push(m))).toBe(url);
    expect(again).toEqual([]);
  });
});
