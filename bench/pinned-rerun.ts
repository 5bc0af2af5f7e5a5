import { spawnSync } from 'node:child_process';
import { packagePath } from '../config/package-root.js';

/**
 * A suite measured on one core, as the issues ask: the first call re-runs `npm run bench -- <suite>`
 * pinned to CPU 0 (when taskset is there), prints what the suite printed and returns true; in the
 * pinned run (marked by an environment variable) it returns false and the suite measures. The pinned
 * run prints its own plan and heading, which the caller has printed already: only what follows the
 * suite's heading is passed on.
 */
export function ranPinned(suite: string): boolean {
  const marker = 'FACELEAK_BENCH_PINNED';
  if (process.env[marker] || spawnSync('taskset', ['-c', '0', 'true']).status !== 0) return false;
  const run = spawnSync('taskset', ['-c', '0', process.execPath, '--import', 'tsx', packagePath('bench', 'run.ts'), suite], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, [marker]: '1' },
  });
  const out = run.stdout.toString();
  const heading = `\n## ${suite}\n`;
  const at = out.indexOf(heading);
  process.stdout.write(at >= 0 ? out.slice(at + heading.length) : out);
  if (run.status !== 0) throw new Error(`the pinned ${suite} bench exited ${run.status}`);
  return true;
}

/** Whether this process is the pinned re-run (for a suite's own wording). */
export const isPinnedRun = (): boolean => Boolean(process.env.FACELEAK_BENCH_PINNED);
