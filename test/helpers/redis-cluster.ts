import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './redis-process.js';

/** A throw-away Redis Cluster of three masters on loopback ports, keeping nothing on disk. */
export interface RedisClusterProcess {
  /** The seed nodes as REDIS_URL lists them: redis://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3. */
  readonly url: string;
  readonly ports: readonly number[];
  /** Kills every node and removes their folder; safe to call twice and after a failed start. */
  stop(): Promise<void>;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Starts three cluster-enabled redis-servers and joins them with `redis-cli --cluster create`.
 * Throws (never skips) when redis-server or redis-cli is missing: the cluster tests must run.
 */
export async function startRedisCluster(): Promise<RedisClusterProcess> {
  for (const tool of ['redis-server', 'redis-cli']) {
    if (spawnSync(tool, ['--version']).error) throw new Error(`${tool} is not installed; the Redis Cluster tests need it (apt-get install redis-server)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'faceleak-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map((c) => {
        if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGKILL');
        return exited;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports = [await freePort(), await freePort(), await freePort()];
    for (const port of ports) {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes'];
      args.push('--cluster-config-file', `nodes-${port}.conf`, '--save', '', '--appendonly', 'no');
      const child = spawn('redis-server', args, { stdio: 'ignore' });
      child.on('error', () => {}); // the ping below reports a node that never came up
      children.push(child);
    }
    for (const port of ports) await waitFor(() => ping(port), `redis-server on port ${port}`);
    const create = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stderr || create.stdout}`);
    for (const port of ports) await waitFor(() => clusterOk(port), `cluster_state:ok on port ${port}`);
    return { url: `redis://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`, ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function withNode<T>(port: number, use: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    return await use(r);
  } finally {
    r.disconnect();
  }
}

const ping = (port: number) => withNode(port, async (r) => (await r.ping()) === 'PONG');
const clusterOk = (port: number) => withNode(port, async (r) => String(await r.call('CLUSTER', 'INFO')).includes('cluster_state:ok'));

/** How many keys each node holds (DBSIZE): shows whether work spread over the masters. */
export function keysPerNode(ports: readonly number[]): Promise<number[]> {
  return Promise.all(ports.map((p) => withNode(p, (r) => r.dbsize())));
}
