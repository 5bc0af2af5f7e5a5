import { spawn, type ChildProcess } from 'node:child_process';

export interface HelperWorkersOptions {
  /** The command's entry (bin/faceleak.js, or cli/main.ts under tsx) and the node flags it runs with. */
  readonly entry: string;
  readonly execArgv: readonly string[];
  /** Jobs each helper works at once. */
  readonly concurrencies: readonly number[];
  /** Their environment: the crawl's, with the Redis it resolved (it may have started a private one). */
  readonly env: NodeJS.ProcessEnv;
  readonly warn: (message: string) => void;
}

export interface HelperWorkers {
  /** Asks each helper to finish the jobs in hand and waits for it to exit. */
  stop(): Promise<void>;
}

/** How long a helper gets to finish its jobs in hand once asked to stop, before it is killed. */
const STOP_GRACE_MS = 60_000;

/**
 * `faceleak worker` processes working the same queue beside a crawl, so a crawl uses more than one core
 * (a process's parsing, classification and store writes all run on its one thread). They are ordinary
 * queue workers: a job of one that dies comes back to the queue when its lock expires, as for any
 * worker, and the crawl goes on without it. Their stdout goes to the crawl's stderr (the crawl's stdout
 * may carry `--out -`); an IPC channel lets one see the crawl end, even killed, and stop with it.
 */
export function startHelperWorkers(o: HelperWorkersOptions): HelperWorkers {
  const children: ChildProcess[] = o.concurrencies.map((concurrency, i) => {
    const child = spawn(process.execPath, [...o.execArgv, o.entry, 'worker', '--concurrency', String(concurrency)], {
      env: o.env,
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    child.on('error', (error) => o.warn(`helper worker ${i + 1} could not start (${error.message}); the crawl goes on without it`));
    child.on('exit', (code, signal) => {
      if (!stopping && (code !== 0 || signal)) o.warn(`helper worker ${i + 1} ended (${signal ?? `exit ${code}`}); the crawl goes on without it`);
    });
    return child;
  });
  let stopping = false;
  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  return {
    async stop() {
      stopping = true;
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.all(children.map(exited));
    },
  };
}

/** Splits `total` jobs at once between `processes` (the crawl's own process first): 16 over 2 is 8 and 8. */
export function splitConcurrency(total: number, processes: number): number[] {
  const n = Math.max(1, Math.min(processes, total));
  return Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
}
