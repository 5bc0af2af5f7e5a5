import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { Frontier, RESERVED, URL_STATE } from '../queue/frontier.js';
import { redisKeys } from '../queue/names.js';
import { deletePrefix, testRedis, uniquePrefix } from './helpers/redis.js';

const url = (i: number) => `https://h${i % 7}.example.com/item/${i}`;

describe('a crawl frontier of fingerprints', () => {
  let redis: Redis;
  let prefix: string;
  let frontier: Frontier;

  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('frontier');
    frontier = new Frontier(redis, redisKeys(prefix));
  });

  afterEach(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  describe('when the same URLs are offered again, in one batch or another', () => {
    it('reserves each once and counts it once', async () => {
      const first = await frontier.reserve('c', [url(1), url(2), url(1)]);
      expect(first).toEqual([RESERVED.fresh, RESERVED.fresh, RESERVED.seenUnfinished]);
      expect(await frontier.reserve('c', [url(2), url(3)])).toEqual([RESERVED.seenUnfinished, RESERVED.fresh]);
      expect((await frontier.progress('c')).seen).toBe(3);
    });
  });

  describe('when the crawl has a page limit', () => {
    it('refuses URLs past it and never counts beyond it', async () => {
      expect(await frontier.reserve('c', [url(1), url(2), url(3)], 2)).toEqual([RESERVED.fresh, RESERVED.fresh, RESERVED.refused]);
      expect(await frontier.reserve('c', [url(4), url(1)], 2)).toEqual([RESERVED.refused, RESERVED.seenUnfinished]);
      expect((await frontier.progress('c')).seen).toBe(2);
    });
  });

  describe('when a job runs twice (delivery is at least once)', () => {
    it('counts its outcome once', async () => {
      await frontier.reserve('c', [url(1), url(2)]);
      for (let i = 0; i < 3; i++) {
        await frontier.mark('c', url(1), URL_STATE.done);
        await frontier.mark('c', url(1), URL_STATE.listing | URL_STATE.flagged);
        await frontier.mark('c', url(2), URL_STATE.failed);
      }
      await frontier.mark('c', url(2), URL_STATE.listing);
      expect(await frontier.progress('c')).toEqual({ seen: 2, done: 1, failed: 1, listings: 2, flagged: 1 });
      expect(await frontier.reserve('c', [url(1), url(2)])).toEqual([RESERVED.seenFinished, RESERVED.seenFinished]);
    });
  });

  describe('when a listing is recorded under a URL never queued (a redirect target)', () => {
    it('counts the listing without taking the URL as seen', async () => {
      await frontier.mark('c', url(9), URL_STATE.listing);
      expect(await frontier.progress('c')).toMatchObject({ seen: 0, listings: 1 });
      expect(await frontier.reserve('c', [url(9)])).toEqual([RESERVED.fresh]);
    });
  });

  it('keeps crawls apart and stores no URL text, only 6-byte fingerprints under hash-tagged keys', async () => {
    await frontier.reserve('a', [url(1)]);
    expect(await frontier.reserve('b', [url(1)])).toEqual([RESERVED.fresh]);
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.every((k) => k.includes(':crawl:{a}:') || k.includes(':crawl:{b}:'))).toBe(true);
    const bucket = keys.find((k) => k.includes('{a}:fp:'))!;
    const fields = await redis.hkeysBuffer(bucket);
    expect(fields.map((f) => f.length)).toEqual([6]);
    expect(await redis.call('OBJECT', 'ENCODING', bucket)).toBe('listpack');
  });
});
