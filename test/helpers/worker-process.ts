import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config/config.js';
import { TEST_REDIS_URL } from './redis.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A `faceleak worker` process on a test's queue prefix and store. */
export function spawnWorker(config: Config, args: string[] = []): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'worker', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DOTENV_CONFIG_QUIET: 'true',
      QUEUE_PREFIX: config.queuePrefix,
      DATABASE_URL: config.databaseUrl!,
      DATA_DIR: config.dataDir,
      REDIS_URL: TEST_REDIS_URL,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return Object.assign(child, { output: () => output });
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
