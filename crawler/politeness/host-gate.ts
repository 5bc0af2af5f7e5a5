import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { packagePath } from '../../config/index.js';
import type { RedisKeys } from '../../queue/index.js';

export interface HostLimits {
  readonly requestsPerSecond: number;
  readonly maxConcurrency: number;
}

export interface Lease {
  readonly host: string;
  readonly id: string;
  readonly renewal: NodeJS.Timeout;
}

// A slot held by a worker that died frees itself after LEASE_TTL_MS; a live holder renews it.
const LEASE_TTL_MS = 10_000;
const RENEW_EVERY_MS = 3_000;
const SCRIPT = readFileSync(packagePath('crawler', 'politeness', 'host-gate.lua'), 'utf8');
const RENEW = readFileSync(packagePath('crawler', 'politeness', 'renew-lease.lua'), 'utf8');

interface GateCommands {
  hostGate(...args: unknown[]): Promise<[number, number]>;
  renewHostLease(...args: unknown[]): Promise<number>;
}

/**
 * Per-host politeness shared by every worker on every machine: a token bucket for requests per
 * second, a lease set for requests in flight, and a back-off after 429/503, all in Redis.
 */
export class HostGate {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    if (!('hostGate' in redis)) redis.defineCommand('hostGate', { numberOfKeys: 3, lua: SCRIPT });
    if (!('renewHostLease' in redis)) redis.defineCommand('renewHostLease', { numberOfKeys: 1, lua: RENEW });
  }

  /** Waits for a slot on `host`; the caller must release the lease when the request ends. */
  async acquire(host: string, limits: HostLimits, signal?: AbortSignal): Promise<Lease> {
    const id = randomUUID();
    const burst = Math.max(1, limits.requestsPerSecond);
    for (;;) {
      signal?.throwIfAborted();
      const [ok, waitMs] = await (this.redis as unknown as GateCommands).hostGate(
        this.keys.hostBucket(host),
        this.keys.hostInFlight(host),
        this.keys.hostBackoff(host),
        limits.requestsPerSecond,
        burst,
        limits.maxConcurrency,
        id,
        LEASE_TTL_MS,
      );
      if (ok === 1) {
        const key = this.keys.hostInFlight(host);
        const renewal = setInterval(() => void (this.redis as unknown as GateCommands).renewHostLease(key, id, LEASE_TTL_MS).catch(() => {}), RENEW_EVERY_MS);
        renewal.unref();
        return { host, id, renewal };
      }
      await new Promise((r) => setTimeout(r, Math.min(waitMs, 1000)));
    }
  }

  async release(lease: Lease): Promise<void> {
    clearInterval(lease.renewal);
    await this.redis.zrem(this.keys.hostInFlight(lease.host), lease.id);
  }

  /** Holds every worker off `host` for `ms` (Retry-After of a 429 or 503), never shortening a longer back-off. */
  async backOff(host: string, ms: number): Promise<void> {
    const key = this.keys.hostBackoff(host);
    const [seconds, micros] = await this.redis.time();
    const until = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) + ms;
    const current = Number((await this.redis.get(key)) ?? 0);
    if (until > current) await this.redis.set(key, String(until), 'PX', ms + 1000);
  }
}

/** Retry-After as milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
