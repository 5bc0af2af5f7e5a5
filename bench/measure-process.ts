import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessRun {
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly exitCode: number | null;
  readonly stdoutBytes: number;
}

export interface CapturedRun extends ProcessRun {
  /** CPU time (user + system) of the process's own threads, as last seen in /proc before it ended. */
  readonly cpuSeconds: number;
  /**
   * cpuSeconds by thread: `main`, else its name (/proc/PID/task/TID/comm) and its id less the process's, since
   * node names its worker threads, libuv's pool and V8's helpers alike ("node"): which thread is busiest.
   */
  readonly threadCpuSeconds: Readonly<Record<string, number>>;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command, timed from spawn to exit (start-up and shut-down included, as an outsider's stopwatch
 * sees it), polling /proc for its peak resident memory. stdin gets `stdin` (or nothing); output is kept
 * when `capture`, else stdout is only counted and stderr passed through.
 */
function run(cmd: string, args: readonly string[], o: { stdin?: Buffer; env?: NodeJS.ProcessEnv; capture: boolean }): Promise<CapturedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', o.capture ? 'pipe' : 'inherit'], env: o.env ?? process.env });
    let stdoutBytes = 0;
    let maxRssKb = 0;
    let cpuTicks = 0;
    // Each thread's name and ticks as last seen: a thread that ended before the process keeps its last reading.
    const threadTicks = new Map<string, { name: string; ticks: number }>();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => {
      stdoutBytes += d.length;
      if (o.capture) out.push(d);
    });
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+)/.exec(status);
        if (hwm) maxRssKb = Math.max(maxRssKb, Number(hwm[1]));
        // Fields 14 and 15 of /proc/PID/stat, after the parenthesised command name: utime and stime in clock ticks.
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
        if (stat) cpuTicks = Number(stat[11]) + Number(stat[12]);
        for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
          const t = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
          const name = t.slice(t.indexOf('(') + 1, t.lastIndexOf(')'));
          const fields = t.slice(t.lastIndexOf(') ') + 2).split(' ');
          threadTicks.set(tid, {
            name: tid === String(child.pid) ? 'main' : `${name}:${Number(tid) - child.pid!}`,
            ticks: Number(fields[11]) + Number(fields[12]),
          });
        }
      } catch {
        // the process has just ended
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      const threadCpuSeconds: Record<string, number> = {};
      for (const { name, ticks } of threadTicks.values()) threadCpuSeconds[name] = (threadCpuSeconds[name] ?? 0) + ticks / 100;
      resolve({
        seconds,
        cpuSeconds: cpuTicks / 100,
        threadCpuSeconds,
        maxRssMb: maxRssKb / 1024,
        exitCode,
        stdoutBytes,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin!.end(o.stdin ?? Buffer.alloc(0));
  });
}

/** Runs a command with a file on stdin, polling /proc for its peak resident memory. */
export async function measureProcess(cmd: string, args: readonly string[], stdinFile: string, env: NodeJS.ProcessEnv = process.env): Promise<ProcessRun> {
  const { seconds, maxRssMb, exitCode, stdoutBytes } = await run(cmd, args, { stdin: readFileSync(stdinFile), env, capture: false });
  return { seconds, maxRssMb, exitCode, stdoutBytes };
}

/** Runs a command with nothing on stdin, timed from spawn to exit, keeping its stdout and stderr. */
export function captureProcess(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CapturedRun> {
  return run(cmd, args, { env, capture: true });
}
