import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RenderLearning } from '../crawler/render-learning.js';
import { redisKeys } from '../queue/names.js';
import { deletePrefix, testRedis, uniquePrefix } from './helpers/redis.js';

describe('RenderLearning', () => {
  let redis: Redis;
  let prefix: string;
  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('learn');
  });
  afterEach(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('renders a page type at once after five shells, and keeps trying static where it works', async () => {
    const a = new RenderLearning(redis, redisKeys(prefix));
    const type = RenderLearning.pageType('listing', 'http://m.example/app/1?x=1');
    expect(type).toBe('listing:/app');
    for (let i = 0; i < 4; i++) await a.record('m', type, false);
    expect(await a.browserFirst('m', type)).toBe(false);
    await a.record('m', type, false);
    // Another worker (fresh cache) sees what the first learned.
    expect(await new RenderLearning(redis, redisKeys(prefix)).browserFirst('m', type)).toBe(true);
    const stat = RenderLearning.pageType('listing', 'http://m.example/item/1');
    for (let i = 0; i < 5; i++) await a.record('m', stat, i !== 0);
    expect(await new RenderLearning(redis, redisKeys(prefix)).browserFirst('m', stat)).toBe(false);
  });
});
