import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSiteConfig, startDemoMarket } from '../demo/demo-market.js';
import { FIXTURE_LISTINGS } from './fixtures/demo-listings.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { runCli } from './helpers/run-cli.js';

const scope = crawlTestScope();

describe('faceleak crawl', () => {
  it('crawls a site and writes its listings with verdicts as JSON Lines', async () => {
    scope.market = await startDemoMarket({ listings: FIXTURE_LISTINGS });
    const config = testConfig('cli-crawl');
    scope.prefix = config.queuePrefix;
    const siteFile = join(config.dataDir, 'site.json');
    const out = join(config.dataDir, 'out.jsonl');
    writeFileSync(siteFile, JSON.stringify(demoSiteConfig(scope.market!.origin)));
    const env = { QUEUE_PREFIX: config.queuePrefix, DATABASE_URL: config.databaseUrl!, DATA_DIR: config.dataDir, REDIS_URL: TEST_REDIS_URL };
    const r = await runCli(['crawl', '--site', siteFile, '--out', out], '', env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/finished: pages 12 done, 0 queued, 0 failed · listings 10, flagged 5/);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(10);
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(
        [
          'canonicalUrl',
          'contentHash',
          'currency',
          'description',
          'fetchedAt',
          'images',
          'price',
          'priceAmount',
          'priceUnit',
          'seller',
          'site',
          'title',
          'url',
          'verdict',
        ].sort(),
      );
      expect(Object.keys(l.verdict).sort()).toEqual(['category', 'evidence', 'flagged', 'modelVersion', 'review', 'score']);
      expect(l.site).toBe('demo-market');
      expect(l.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const f1 = lines.find((l) => l.canonicalUrl.endsWith('/item/f1'));
    expect(f1).toMatchObject({ title: FIXTURE_LISTINGS[0]!.title, seller: '小王', price: '¥0.5/张', verdict: { flagged: true, category: 'id_holding_photo' } });
    expect(f1.images).toEqual([`${scope.market!.origin}/img/f1-1.jpg`, `${scope.market!.origin}/img/f1-2.jpg`]);
  }, 60_000);

  it('names every bad field of a site config and exits 2', async () => {
    const config = testConfig('cli-crawl-bad');
    const siteFile = join(config.dataDir, 'bad.json');
    writeFileSync(siteFile, JSON.stringify({ name: 'X Y', startUrls: [], render: 'sometimes' }));
    const r = await runCli(['crawl', '--site', siteFile], '', { REDIS_URL: TEST_REDIS_URL, DATA_DIR: config.dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has 3 problems');
    expect(r.stderr).toMatch(/name: /);
    expect(r.stderr).toMatch(/startUrls: needs at least one URL/);
    expect(r.stderr).toMatch(/render: /);
  });
});
