import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Robots } from '../crawler/robots.js';
import { redisKeys } from '../queue/names.js';
import { startServer, type TestServer } from './helpers/http-server.js';
import { deletePrefix, testRedis, uniquePrefix } from './helpers/redis.js';

describe('Robots', () => {
  let redis: Redis;
  let prefix: string;
  let server: TestServer | undefined;
  beforeEach(() => {
    redis = testRedis();
    prefix = uniquePrefix('robots');
  });
  afterEach(async () => {
    await server?.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  const withRobots = async (status: number, body = '') => {
    server = await startServer((req, res) => {
      res.statusCode = req.url === '/robots.txt' ? status : 200;
      res.end(req.url === '/robots.txt' ? body : 'page');
    });
    return { robots: new Robots(redis, redisKeys(prefix)), policy: { allowedHosts: new Set([server.host]), allowPrivateNetwork: true }, origin: server.origin };
  };

  it('follows the rules for our agent, with its crawl-delay', async () => {
    const { robots, policy, origin } = await withRobots(
      200,
      'User-agent: *\nDisallow: /private/\n\nUser-agent: faceleak-crawler\nDisallow: /admin\nCrawl-delay: 2\n',
    );
    expect(await robots.check(`${origin}/item/1`, policy)).toMatchObject({ allowed: true, crawlDelayMs: 2000 });
    expect(await robots.check(`${origin}/admin/x`, policy)).toMatchObject({ allowed: false });
  });

  it('allows everything when robots.txt is missing (4xx)', async () => {
    const { robots, policy, origin } = await withRobots(404);
    expect(await robots.check(`${origin}/anything`, policy)).toMatchObject({ allowed: true });
  });

  it('disallows everything when robots.txt fails (5xx)', async () => {
    const { robots, policy, origin } = await withRobots(503);
    expect(await robots.check(`${origin}/item/1`, policy)).toMatchObject({ allowed: false, reason: expect.stringMatching(/503/) });
  });

  it('fetches robots.txt once for all workers', async () => {
    const { policy, origin } = await withRobots(200, 'User-agent: *\nDisallow: /x\n');
    const workers = [new Robots(redis, redisKeys(prefix)), new Robots(redis, redisKeys(prefix))];
    await workers[0]!.check(`${origin}/a`, policy);
    expect(await workers[1]!.check(`${origin}/x/1`, policy)).toMatchObject({ allowed: false });
    expect(server!.requests.filter((p) => p === '/robots.txt')).toHaveLength(1);
  });
});
