import { FatalError, UserError } from '../contracts/index.js';

export class UsageError extends UserError {
  override name = 'UsageError';
}

/** Errors a user can fix (bad files, settings, a stale model, a missing service) are one line on stderr; anything else keeps its stack. */
export function reportFatal(error: unknown): never {
  if (error instanceof UserError || error instanceof FatalError) {
    process.stderr.write(`faceleak: ${error.message}\n`);
  } else if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
    process.stderr.write(`faceleak: ${error.message}\n`);
  } else {
    process.stderr.write(`faceleak: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(2);
}

export function parseNumberOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${name} must be a number from ${min} to ${max}, not "${value}"`);
    return n;
  };
}
