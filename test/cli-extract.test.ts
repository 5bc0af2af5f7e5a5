import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSiteConfig, loadDemoListings, startDemoMarket } from '../demo/demo-market.js';
import { crawlTestScope, testConfig } from './helpers/crawl-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { runCli } from './helpers/run-cli.js';

const scope = crawlTestScope();
const demo = loadDemoListings();

function envFor(name: string) {
  const config = testConfig(name);
  scope.prefix = config.queuePrefix;
  return { config, env: { QUEUE_PREFIX: config.queuePrefix, DATABASE_URL: config.databaseUrl!, DATA_DIR: config.dataDir, REDIS_URL: TEST_REDIS_URL } };
}

describe('faceleak extract', () => {
  it('reads a saved page with --url as its address: one JSON line, each field with its source, the price as data, the verdict', async () => {
    const r = await runCli(['extract', 'extract/fixtures/classifieds-zh.html', '--url', 'https://beijing.baixing.example/ershoushuma/a1234567.html']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out).toMatchObject({
      url: 'https://beijing.baixing.example/ershoushuma/a1234567.html',
      title: '九成新 佳能 EOS 80D 单反相机',
      price: '1600元',
      priceAmount: '1600',
      currency: 'CNY',
      priceUnit: null,
      seller: '李先生',
      sources: { title: 'heading', description: 'main-content', price: 'text', seller: 'text' },
      rendered: false,
      verdict: { flagged: false, modelVersion: expect.any(String) },
    });
  });

  it('fetches a URL as a crawl does: robots.txt first, Chromium only for a page that lacks its text', async () => {
    scope.market = await startDemoMarket();
    const { config, env } = envFor('cli-extract');
    const siteFile = join(config.dataDir, 'site.json');
    writeFileSync(siteFile, JSON.stringify(demoSiteConfig(scope.market!.origin)));
    const d01 = demo.find((l) => l.id === 'd01')!;
    const statics = await runCli(['extract', '--site', siteFile, `${scope.market!.origin}/item/d01`], '', env);
    expect(statics.code, statics.stderr).toBe(0);
    expect(JSON.parse(statics.stdout)).toMatchObject({
      title: d01.title,
      price: d01.price,
      priceAmount: '8',
      priceUnit: '套',
      sources: { title: 'selector' },
      rendered: false,
      verdict: { flagged: true },
    });
    expect(scope.market!.hits.get('/robots.txt')).toBe(1);
    const spa = demo.find((l) => l.page === 'spa')!;
    const rendered = await runCli(['extract', '--site', siteFile, `${scope.market!.origin}/app/${spa.id}`], '', env);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(JSON.parse(rendered.stdout)).toMatchObject({ title: spa.title, description: spa.description, rendered: true });
  }, 60_000);

  it('keeps the SSRF rules: a loopback page is refused without a site config that allows it, in one line', async () => {
    scope.market = await startDemoMarket();
    const { env } = envFor('cli-extract-ssrf');
    const r = await runCli(['extract', `${scope.market!.origin}/item/d01`], '', env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^faceleak: cannot fetch .*SSRF/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(scope.market!.hits.size).toBe(0);
  }, 30_000);

  it('says what is wrong with its arguments', async () => {
    expect(await runCli(['extract'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/give a URL or an HTML file/) });
    expect(await runCli(['extract', 'no-such-page.html'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read no-such-page\.html/) });
    expect(await runCli(['extract', 'page.html', '--url', 'ftp://x'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--url must be an http/) });
    expect((await runCli(['extract', '--help'])).stdout).toMatch(/robots\.txt is obeyed/);
  }, 30_000);
});
