/** Errors a user can fix (bad files, stale model) are one line on stderr; anything else keeps its stack. */
const KNOWN = new Set(['LexiconError', 'ModelFileError', 'ModelMismatchError', 'CorpusError', 'UsageError', 'ConfigError', 'SiteConfigError', 'RedisUnavailableError', 'StoreError', 'FatalError', 'TokenError']);

export class UsageError extends Error {
  override name = 'UsageError';
}

export function reportFatal(error: unknown): never {
  if (error instanceof Error && KNOWN.has(error.name)) {
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
