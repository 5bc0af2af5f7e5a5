import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RedisUnavailableError } from './errors.js';

// A fixed port next to the usual 6379, so every faceleak process on the machine finds the same one.
export const PRIVATE_REDIS_PORT = 6390;

/**
 * Starts (or finds) a redis-server of our own under DATA_DIR/redis, with the settings a queue needs:
 * AOF persistence (nothing accepted is lost on a restart) and noeviction (jobs are never evicted).
 */
export async function startPrivateRedis(dataDir: string, say: (m: string) => void): Promise<string> {
  const dir = resolve(dataDir, 'redis');
  const url = `redis://127.0.0.1:${PRIVATE_REDIS_PORT}`;
  const pidFile = `${dir}/redis.pid`;
  if (existsSync(pidFile) && isRunning(Number(readFileSync(pidFile, 'utf8')))) return url;
  if (spawnSync('redis-server', ['--version']).error) {
    throw new RedisUnavailableError(
      'no Redis answers at redis://127.0.0.1:6379 and redis-server is not installed. Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL',
    );
  }
  mkdirSync(dir, { recursive: true });
  say(`no Redis at 127.0.0.1:6379; starting a private redis-server on port ${PRIVATE_REDIS_PORT}, data in ${dir}`);
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(PRIVATE_REDIS_PORT),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'yes',
      '--pidfile',
      pidFile,
      '--logfile',
      `${dir}/redis.log`,
    ],
    { stdio: 'ignore' },
  );
  await new Promise((r) => child.on('exit', r));
  for (let i = 0; i < 50 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
  return url;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
