import type { Redis } from 'ioredis';

/** Failed authentications one address may make per window before it is refused outright. */
export const AUTH_FAILURES_PER_WINDOW = 20;
const WINDOW_SECONDS = 60;

/**
 * Counts failed authentications per client address in Redis (shared by every server). The API's
 * rate limit keys on the token, so a caller guessing tokens gets a fresh bucket with each guess;
 * this one keys on the address. The address is the socket's unless TRUST_PROXY names the proxy
 * in front, so a forged X-Forwarded-For cannot pick the key. A Redis outage counts nothing: tokens
 * are 256-bit random, and the API should not go down with the queue.
 */
export class AuthFailureLimit {
  constructor(
    private readonly redis: Redis,
    private readonly key: (address: string) => string,
    private readonly max = AUTH_FAILURES_PER_WINDOW,
  ) {}

  /** Seconds the address must wait, or 0 when it may try. */
  async retryAfter(address: string): Promise<number> {
    try {
      const key = this.key(address);
      const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
      return Number(count ?? 0) >= this.max ? Math.max(ttl, 1) : 0;
    } catch {
      return 0;
    }
  }

  async recordFailure(address: string): Promise<void> {
    try {
      const key = this.key(address);
      // NX: the window starts at the first failure and is not stretched by later ones.
      await this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec();
    } catch {
      // counted nothing; see above
    }
  }
}
