import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessRun {
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly exitCode: number | null;
  readonly stdoutBytes: number;
}

/** Runs a command with a file on stdin, polling /proc for its peak resident memory. */
export function measureProcess(cmd: string, args: readonly string[], stdinFile: string, env: NodeJS.ProcessEnv = process.env): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'], env });
    let stdoutBytes = 0;
    let maxRssKb = 0;
    child.stdout.on('data', (d: Buffer) => (stdoutBytes += d.length));
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+)/.exec(status);
        if (hwm) maxRssKb = Math.max(maxRssKb, Number(hwm[1]));
      } catch {
        // the process has just ended
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearInterval(poll);
      resolve({ seconds: (performance.now() - started) / 1000, maxRssMb: maxRssKb / 1024, exitCode, stdoutBytes });
    });
    child.stdin.end(readFileSync(stdinFile));
  });
}
