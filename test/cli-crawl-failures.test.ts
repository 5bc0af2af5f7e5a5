import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSiteConfig, startDemoMarket } from '../demo/demo-market.js';
import { FIXTURE_LISTINGS } from './fixtures/demo-listings.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_REDIS_URL, testRedis } from './helpers/redis.js';
import { runCli } from './helpers/run-cli.js';

const scope = crawlTestScope();

/** A site config file for the demo market and the environment a CLI run of it needs. */
function setUp(name: string, origin: string, overrides: Record<string, unknown> = {}) {
  const config = testConfig(name);
  scope.prefix = config.queuePrefix;
  const siteFile = join(config.dataDir, 'site.json');
  writeFileSync(siteFile, JSON.stringify(demoSiteConfig(origin, overrides)));
  const env = { QUEUE_PREFIX: config.queuePrefix, DATABASE_URL: config.databaseUrl!, DATA_DIR: config.dataDir, REDIS_URL: TEST_REDIS_URL };
  return { config, siteFile, env };
}

describe('faceleak crawl when pages fail, and faceleak failures', () => {
  it('exits 1 when no page succeeded, names the store, and `failures` lists the reasons', async () => {
    scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS.slice(0, 2) });
    // Loopback without allowPrivateNetwork: the SSRF guard refuses every page.
    const { config, siteFile, env } = setUp('cli-crawl-allfail', scope.market.origin, { allowPrivateNetwork: false });
    const r = await runCli(['crawl', '--site', siteFile], '', env);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`crawl_failures table of the store at ${config.databaseUrl}`);
    expect(r.stderr).toMatch(/no page was crawled successfully/);
    const crawlId = /faceleak failures --crawl (\S+)`/.exec(r.stderr)![1]!;

    const text = await runCli(['failures', '--crawl', crawlId], '', env);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${crawlId}  ${scope.market.origin}/`);
    expect(lines[0]).toMatch(/SSRF/);
    expect(text.stderr).toContain(`1 failure of crawl ${crawlId} in the store at ${config.databaseUrl}`);

    const json = await runCli(['failures', '--json', '--limit', '5'], '', env);
    expect(json.code).toBe(0);
    const rows = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toEqual([
      {
        crawlId,
        site: 'demo-market',
        url: expect.any(String),
        reason: expect.stringMatching(/SSRF/),
        attempts: expect.any(Number),
        failedAt: expect.any(String),
      },
    ]);

    const none = await runCli(['failures', '--crawl', 'no-such-crawl'], '', env);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/0 failures of crawl no-such-crawl/);
  }, 60_000);

  it('refuses a non-http seed and a seed on another host before queueing anything, and exits 2', async () => {
    scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS.slice(0, 1) });
    const { config, siteFile, env } = setUp('cli-crawl-seeds', scope.market.origin);
    const started = Date.now();
    const r = await runCli(['crawl', '--site', siteFile, '--seed', 'file:///etc/passwd', 'https://elsewhere.example/item/1'], '', env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('file:///etc/passwd: must be an absolute http(s) URL');
    expect(r.stderr).toContain("https://elsewhere.example/item/1: host elsewhere.example is not one of the site's allowed hosts");
    // No retries: refused at once (a queued file:// URL used to be retried for 15 s).
    expect(Date.now() - started).toBeLessThan(10_000);
    const redis = testRedis();
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    redis.disconnect();
    expect(keys).toEqual([]);
    expect(scope.market.hits.size).toBe(0);
  }, 30_000);
});
