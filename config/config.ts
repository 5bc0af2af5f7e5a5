import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../contracts/index.js';

/**
 * Every setting read from the environment, in one table: its variable, default and meaning.
 * Parsed once at start (loadConfig); a bad value stops the command with a message naming the variable.
 */
const ConfigSchema = z.object({
  /** REDIS_URL — the Redis that carries the queue. Default redis://127.0.0.1:6379; when unset and nothing answers there, faceleak starts a private redis-server under DATA_DIR. Several nodes separated by commas (redis://a:7000,b:7000 or redis://a:7000,redis://b:7000) name a Redis Cluster's seed nodes. */
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .regex(/^rediss?:\/\/[^,\s]+(,\s*(rediss?:\/\/)?[^,\s/]+:\d+)*$/, 'several nodes must be separated by commas, each host:port (or redis://host:port)')
    .optional(),
  /** REDIS_CLUSTER — 1: REDIS_URL is a node of a Redis Cluster (its other nodes are discovered). Default 0; a REDIS_URL listing several nodes means a cluster too. */
  redisCluster: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** DATABASE_URL — a file path (SQLite) or postgres://… (PostgreSQL). Default: DATA_DIR/faceleak.db. */
  databaseUrl: z.string().min(1).optional(),
  /** DATA_DIR — where the SQLite file, a private Redis and other local state live. Default ./data. */
  dataDir: z.string().min(1).default('./data'),
  /** CHROMIUM_PATH — the Chromium that renders JS pages. Default /usr/bin/chromium. */
  chromiumPath: z.string().min(1).default('/usr/bin/chromium'),
  /** CHROMIUM_NETWORK_ISOLATION — required (default): Chromium runs in an empty network namespace (needs unshare and unprivileged user namespaces) and pages are not rendered when it cannot. off: Chromium shares the host's network, guarded only by a dead proxy and WebRTC flags; only for hosts that block Chromium's egress another way. */
  chromiumNetworkIsolation: z.enum(['required', 'off']).default('required'),
  /** SITES_DIR — a folder of site configs (*.json) the server registers at start for report recrawls (see `faceleak sites`); crawls and demos never register their sites. */
  sitesDir: z.string().min(1).optional(),
  /** PORT — the server's port. Default 8080. */
  port: z.coerce.number().int().min(1).max(65535).default(8080),
  /** QUEUE_PREFIX — prefix of every queue and Redis key (separate deployments or test runs on one Redis). Default faceleak. */
  queuePrefix: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, 'letters, digits, _ and - only')
    .default('faceleak'),
  /** RATE_LIMIT_PER_MINUTE — API requests one token (or, without one, one address) may make per minute, counted in Redis across servers. Default 600. */
  rateLimitPerMinute: z.coerce.number().int().min(1).default(600),
  /** EXTENSION_ORIGINS — comma-separated origins allowed by CORS, e.g. chrome-extension://<id>,moz-extension://<uuid>. Default none. */
  extensionOrigins: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(chrome-extension|moz-extension|safari-web-extension|https?):\/\/[^/\s]+$/,
            'each origin must look like chrome-extension://ID or moz-extension://UUID, no path',
          ),
      ),
    ),
  /** TRUST_PROXY — the reverse proxies in front of the server whose X-Forwarded-For is believed: comma-separated addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8). Default none: the socket's address is the client's. */
  trustProxy: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .join(','),
    )
    .pipe(z.string().regex(/^[0-9a-f.:/]+(,[0-9a-f.:/]+)*$/i, 'addresses or CIDRs separated by commas'))
    .optional(),
  /** DISCOVERY_EVERY_HOURS — how often the server has code-word discovery run over the stored listings (suggestions for investigators). Default 24; 0: never. */
  discoveryEveryHours: z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .default(24),
  /** SNAPSHOT_DIR — where evidence snapshots (WARC files of flagged and reported pages) are written. Default DATA_DIR/snapshots. */
  snapshotDir: z.string().min(1).optional(),
  /** SNAPSHOT_RETENTION_DAYS — snapshots older than this many days are deleted by `faceleak snapshots purge`. Default 365. */
  snapshotRetentionDays: z.coerce.number().int().min(1).max(36_500).default(365),
  /** LOG_LEVEL — pino level for the logs on stderr. Default info. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

const ENV_NAMES: Record<keyof Config, string> = {
  redisUrl: 'REDIS_URL',
  redisCluster: 'REDIS_CLUSTER',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'DATA_DIR',
  chromiumPath: 'CHROMIUM_PATH',
  chromiumNetworkIsolation: 'CHROMIUM_NETWORK_ISOLATION',
  sitesDir: 'SITES_DIR',
  port: 'PORT',
  queuePrefix: 'QUEUE_PREFIX',
  rateLimitPerMinute: 'RATE_LIMIT_PER_MINUTE',
  extensionOrigins: 'EXTENSION_ORIGINS',
  trustProxy: 'TRUST_PROXY',
  discoveryEveryHours: 'DISCOVERY_EVERY_HOURS',
  snapshotDir: 'SNAPSHOT_DIR',
  snapshotRetentionDays: 'SNAPSHOT_RETENTION_DAYS',
  logLevel: 'LOG_LEVEL',
};

export class ConfigError extends UserError {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.entries(ENV_NAMES).map(([key, name]) => [key, env[name] === '' ? undefined : env[name]]));
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = ENV_NAMES[issue.path[0] as keyof Config];
    throw new ConfigError(`${name}=${JSON.stringify(env[name])}: ${issue.message}`);
  }
  const config = parsed.data;
  if (config.redisCluster && !config.redisUrl) throw new ConfigError('REDIS_CLUSTER=1 needs REDIS_URL naming at least one node of the cluster');
  // Several nodes in REDIS_URL mean a cluster whatever REDIS_CLUSTER says: one fact, one reading.
  return { ...config, redisCluster: config.redisCluster || (config.redisUrl?.includes(',') ?? false) };
}

/** The folder of evidence snapshots: SNAPSHOT_DIR, else DATA_DIR/snapshots. */
export const snapshotDirOf = (config: Pick<Config, 'snapshotDir' | 'dataDir'>) => config.snapshotDir ?? join(config.dataDir, 'snapshots');

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
