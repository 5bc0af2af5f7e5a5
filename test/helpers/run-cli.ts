import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the faceleak command from source (through tsx), feeding `stdin`. */
export function runCli(args: readonly string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true', ...env },
    });
    killWhenTestEnds(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/**
 * A test that times out leaves its command running: a timed-out `faceleak train` kept a core busy for
 * minutes after its test had failed, slowing every test after it. Outside a test (a beforeAll hook)
 * there is no test to end with, and the command is left to finish.
 */
function killWhenTestEnds(kill: () => void): void {
  try {
    onTestFinished(kill);
  } catch {
    // Called from a hook, not a test.
  }
}
