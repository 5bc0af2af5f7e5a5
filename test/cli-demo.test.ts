import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoListings } from '../demo/demo-market.js';
import { testConfig } from './helpers/crawl-env.js';
import { deletePrefix, TEST_REDIS_URL, testRedis } from './helpers/redis.js';
import { runCli } from './helpers/run-cli.js';

let prefix: string | undefined;
afterEach(async () => {
  if (!prefix) return;
  const r = testRedis();
  await deletePrefix(r, prefix);
  r.disconnect();
});

describe('faceleak demo', () => {
  it('crawls the bundled marketplace end to end and says where the results are', async () => {
    const config = testConfig('demo');
    prefix = config.queuePrefix;
    const r = await runCli(['demo', '--port', '0'], '', { QUEUE_PREFIX: config.queuePrefix, DATA_DIR: config.dataDir, REDIS_URL: TEST_REDIS_URL });
    expect(r.code, r.stderr).toBe(0);
    const listings = loadDemoListings();
    expect(r.stderr).toMatch(new RegExp(`listings ${listings.length}, flagged \\d+`));
    expect(r.stdout).toContain(join(config.dataDir, 'demo-listings.jsonl'));
    const out = readFileSync(join(config.dataDir, 'demo-listings.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(listings.length);
    // Hostile markup arrives as text, exactly as the seller wrote it.
    const hostile = listings.filter((l) => /<script|onerror/.test(l.title + l.description));
    expect(hostile.length).toBeGreaterThan(0);
    for (const h of hostile) expect(out.some((o) => o.title === h.title && o.description === h.description)).toBe(true);
  }, 90_000);
});
