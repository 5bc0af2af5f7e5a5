// The crawler bench's two sides, each a whole process timed from spawn to exit, as an outsider times
// them: `faceleak crawl` (start-up, Redis, classification, store writes, shut-down) and a Crawlee script.
import { mkdtempSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../config/package-root.js';
import { loadConfig } from '../config/config.js';
import { demoSiteConfig } from '../demo/demo-market.js';
import { openStore } from '../store/index.js';
import { connectRedis, resolveRedisUrl } from '../queue/index.js';
import { benchEnv } from './bench-env.js';
import { captureProcess } from './measure-process.js';

export interface SideRun {
  readonly seconds: number;
  /** Unique listings the crawl reached: faceleak's from its store, Crawlee's from what it reports. */
  readonly listings: number;
  readonly maxRssMb: number;
  /** The crawler process's own CPU time (not its helpers' or Chromium's): what a busy machine cannot hide. */
  readonly cpuSeconds: number;
  /** cpuSeconds by thread name (measure-process.ts). */
  readonly threadCpuSeconds: Readonly<Record<string, number>>;
}

/**
 * The faceleak command: bin/faceleak.js (the build in dist/, as users run it) unless BENCH_FACELEAK_BIN
 * names another entry (a build of a work in progress elsewhere).
 */
export const faceleakBin = (): string => process.env.BENCH_FACELEAK_BIN ?? packagePath('bin', 'faceleak.js');

/** Source files newer than the build the bench runs: its figures would not be of this code. */
export function staleBuild(): string[] {
  if (process.env.BENCH_FACELEAK_BIN) return [];
  let built: number;
  try {
    built = statSync(packagePath('dist', 'cli', 'main.js')).mtimeMs;
  } catch {
    return ['dist/ (not built)'];
  }
  const dirs = ['cli', 'pipeline', 'queue', 'crawler', 'extract', 'classifier', 'store', 'config', 'contracts'];
  return dirs.flatMap((d) =>
    readdirSync(packagePath(d), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && statSync(packagePath(d, f)).mtimeMs > built)
      .map((f) => `${d}/${f}`),
  );
}

/** `faceleak crawl` of the demo market at `origin`, in a fresh store and queue prefix. */
export async function faceleakSide(origin: string, render: 'static' | 'browser', concurrency: number, extraArgs: readonly string[] = []): Promise<SideRun> {
  const dir = mkdtempSync(join(tmpdir(), 'faceleak-crawl-bench-'));
  const env = benchEnv('bench-crawl', dir, 'bench.db', { DOTENV_CONFIG_QUIET: 'true' });
  const siteFile = join(dir, 'site.json');
  writeFileSync(siteFile, JSON.stringify(demoSiteConfig(origin, { render, rateLimit: { requestsPerSecond: 1000, maxConcurrency: 100 } })));
  const run = await captureProcess(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      faceleakBin(),
      'crawl',
      '--site',
      siteFile,
      '--concurrency',
      String(concurrency),
      ...extraArgs,
    ],
    { ...process.env, ...env },
  );
  const crawlId = /crawl (\S+) finished/.exec(run.stderr)?.[1];
  if (run.exitCode !== 0 || !crawlId) throw new Error(`faceleak crawl exited ${run.exitCode}:\n${run.stderr.slice(-2000)}`);
  const config = loadConfig(env);
  const store = await openStore(config);
  const redis = connectRedis(await resolveRedisUrl(config));
  try {
    const row = await store.db
      .selectFrom('listings')
      .select((eb) => eb.fn.count<number>('canonical_url').distinct().as('n'))
      .where('crawl_id', '=', crawlId)
      .executeTakeFirstOrThrow();
    return { seconds: run.seconds, listings: Number(row.n), maxRssMb: run.maxRssMb, cpuSeconds: run.cpuSeconds, threadCpuSeconds: run.threadCpuSeconds };
  } finally {
    await store.close();
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

/** Crawlee's CheerioCrawler or PlaywrightCrawler (bench/crawlee-baseline.ts) on the same pages. */
export async function crawleeSide(startUrl: string, mode: 'cheerio' | 'playwright', concurrency: number, chromiumPath: string): Promise<SideRun> {
  const run = await captureProcess(process.execPath, [
    '--import',
    'tsx',
    packagePath('bench', 'crawlee-baseline.ts'),
    mode,
    startUrl,
    String(concurrency),
    chromiumPath,
  ]);
  if (run.exitCode !== 0) throw new Error(`the Crawlee baseline exited ${run.exitCode}:\n${run.stderr.slice(-2000)}`);
  const { listings } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { listings: number };
  return { seconds: run.seconds, listings, maxRssMb: run.maxRssMb, cpuSeconds: run.cpuSeconds, threadCpuSeconds: run.threadCpuSeconds };
}
