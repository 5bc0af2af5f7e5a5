import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { Client } from 'undici';
import { packagePath } from '../config/package-root.js';
import { loadConfig } from '../config/config.js';
import { loadDemoListings } from '../demo/demo-market.js';
import { renderStatic } from '../demo/pages.js';
import { connectRedis, QUEUES, resolveRedisUrl } from '../queue/index.js';
import { createToken, openStore } from '../store/index.js';
import { benchEnv } from './bench-env.js';

const REPORTERS = Number(process.env.BENCH_REPORTERS ?? 50);
const REPORTS_EACH = Number(process.env.BENCH_REPORTS_EACH ?? 20);

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summary = (name: string, ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `${name}: p50 ${percentile(s, 50).toFixed(0)} ms, p95 ${percentile(s, 95).toFixed(0)} ms, p99 ${percentile(s, 99).toFixed(0)} ms, max ${s.at(-1)!.toFixed(0)} ms (n=${s.length})`;
};

/** A faceleak command in its own process, as deployed (the load generator must not share its event loop), once `ready` shows on stderr. */
async function startCommand(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ match: RegExpExecArray; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: packagePath(),
    env: { ...process.env, ...env, DOTENV_CONFIG_QUIET: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
      const m = ready.exec(err);
      if (m) resolve(m);
    });
    child.once('exit', () => reject(new Error(`${args[0]} exited: ${err}`)));
  });
  return { match, child };
}

const stop = async (child: ChildProcess) => {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
};

const WARMUP = 20;

/** A few reports first, unmeasured: the server's first requests pay for JIT compilation and lazy loading. */
async function warmUp(url: string, token: string): Promise<void> {
  for (let i = 0; i < WARMUP; i++) {
    const res = await fetch(`${url}/api/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `https://market.example/warm/${i}`,
        ...(i % 2 ? { title: 'warm-up' } : { html: renderStatic(loadDemoListings()[0]!) }),
        clientReportId: randomUUID(),
      }),
    });
    if (res.status !== 202) throw new Error(`warm-up report refused: ${res.status} ${await res.text()}`);
  }
}

interface Scenario {
  readonly name: string;
  /** Workers inside the server process (`npm start`), or one `faceleak worker` process beside it. */
  readonly workers: 'in-process' | 'separate';
  /** Each reporter's pause between reports (ms, randomised ±50%); 0 = closed loop, the next as soon as the last was accepted. */
  readonly paceMs: number;
  readonly reportsEach: number;
}

/**
 * 50 moderators report at once, each on their own connection and token. Measures time to the 202
 * and, from BullMQ's completed events, time from sending to the stored verdict. One report in five
 * carries the page's HTML instead of fields, as the extension sends it.
 */
export async function benchReports(): Promise<void> {
  const scenarios: Scenario[] = [
    { name: 'each reporter one report a second', workers: 'in-process', paceMs: 1000, reportsEach: 20 },
    { name: 'closed loop (saturation)', workers: 'in-process', paceMs: 0, reportsEach: REPORTS_EACH },
    { name: 'closed loop (saturation)', workers: 'separate', paceMs: 0, reportsEach: REPORTS_EACH },
  ];
  for (const s of scenarios) await runScenario(s);
}

async function runScenario(scenario: Scenario): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'faceleak-bench-reports-'));
  const env = benchEnv('bench-reports', dir, 'bench.db', { RATE_LIMIT_PER_MINUTE: '100000' });
  const config = loadConfig(env);
  const redisUrl = await resolveRedisUrl(config);
  const store = await openStore(config);
  const tokens = await Promise.all(Array.from({ length: REPORTERS }, (_, i) => createToken(store, `bench-mod-${i}`, 'moderator')));
  await store.close();
  const serverEnv = { ...env, REDIS_URL: redisUrl };
  const server = await startCommand(
    ['serve', '--port', '0', ...(scenario.workers === 'separate' ? ['--no-workers'] : [])],
    serverEnv,
    /listening on (http:\/\/\S+)/,
  );
  const worker =
    scenario.workers === 'separate' ? await startCommand(['worker', '--concurrency', '8'], { ...serverEnv, LOG_LEVEL: 'info' }, /worker started/) : null;
  const url = server.match[1]!;
  const events = new QueueEvents(QUEUES.work, { connection: connectRedis(redisUrl), prefix: config.queuePrefix });
  await events.waitUntilReady();
  const sentAt = new Map<string, number>();
  // A job may complete before its 202 reaches us: keep every completion time and match them up at the end.
  const completedAt = new Map<string, number>();
  let resolveAll!: () => void;
  const allDone = new Promise<void>((r) => (resolveAll = r));
  const total = REPORTERS * scenario.reportsEach;
  events.on('completed', ({ jobId }) => {
    completedAt.set(jobId, performance.now());
    if (completedAt.size >= total + WARMUP) resolveAll();
  });
  await warmUp(url, tokens[0]!);
  const listings = loadDemoListings();
  const acceptMs: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token, r) => {
      const client = new Client(url, { pipelining: 1 });
      for (let i = 0; i < scenario.reportsEach; i++) {
        if (scenario.paceMs > 0) await new Promise((res) => setTimeout(res, scenario.paceMs * (0.5 + Math.random())));
        const l = listings[(r * scenario.reportsEach + i) % listings.length]!;
        const pageUrl = `https://market.example/item/${r}-${i}`;
        // Random, not every fifth: 50 reporters starting together would otherwise send their HTML reports in one burst.
        const body =
          Math.random() < 0.2
            ? { url: pageUrl, html: renderStatic(l), clientReportId: randomUUID() }
            : { url: pageUrl, title: l.title, description: l.description, price: l.price, seller: l.seller, note: 'bench', clientReportId: randomUUID() };
        const t0 = performance.now();
        const res = await client.request({
          method: 'POST',
          path: '/api/v1/reports',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const json = (await res.body.json()) as { id?: string };
        if (res.statusCode !== 202 || !json.id) {
          errors++;
          continue;
        }
        acceptMs.push(performance.now() - t0);
        sentAt.set(`report-${json.id}`, t0);
      }
      await client.close();
    }),
  );
  const intakeSeconds = (performance.now() - started) / 1000;
  await Promise.race([allDone, new Promise((r) => setTimeout(r, 60_000))]);
  const drainSeconds = (performance.now() - started) / 1000;
  const verdictMs = [...sentAt].flatMap(([jobId, t0]) => (completedAt.has(jobId) ? [completedAt.get(jobId)! - t0] : []));
  process.stdout.write(
    `\n${REPORTERS} reporters × ${scenario.reportsEach} reports, ${scenario.name}, workers ${scenario.workers}, ${/^postgres(ql)?:/.test(env.DATABASE_URL!) ? 'PostgreSQL' : 'SQLite'}\n`,
  );
  process.stdout.write(
    `accepted ${acceptMs.length}/${total} (${errors} errors) in ${intakeSeconds.toFixed(1)} s = ${(acceptMs.length / intakeSeconds).toFixed(0)} reports/s\n`,
  );
  process.stdout.write(`${summary('time to 202', acceptMs)}\n`);
  process.stdout.write(`${summary('report to stored verdict', verdictMs)} (all done in ${drainSeconds.toFixed(1)} s)\n`);
  await events.close();
  if (worker) await stop(worker.child);
  await stop(server.child);
  const redis = connectRedis(redisUrl);
  const keys = await redis.keys(`${config.queuePrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
