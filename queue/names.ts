/**
 * Every queue and Redis key name faceleak uses, in one place. BullMQ keeps its own keys under
 * `${prefix}:${queue}:…`; ours sit beside them under the same prefix, so one QUEUE_PREFIX separates
 * deployments (and test runs) sharing a Redis.
 */
export const QUEUES = {
  /** Crawl work and moderators' reports: the one queue every worker takes from. */
  work: 'work',
} as const;

export function redisKeys(prefix: string) {
  return {
    /** SET of canonical URLs already queued in a crawl; outlives BullMQ's removal of finished jobs. */
    crawlSeen: (crawlId: string) => `${prefix}:crawl:${crawlId}:seen`,
    // A crawl's progress as SETs of canonical URLs, not counters: a job run twice (delivery is at
    // least once) counts once, and the crawl has drained when seen = done + failed.
    crawlDone: (crawlId: string) => `${prefix}:crawl:${crawlId}:done`,
    crawlFailed: (crawlId: string) => `${prefix}:crawl:${crawlId}:failed`,
    crawlListings: (crawlId: string) => `${prefix}:crawl:${crawlId}:listings`,
    crawlFlagged: (crawlId: string) => `${prefix}:crawl:${crawlId}:flagged`,
    /** STRING: the crawl's site config (JSON), read by workers on any machine. */
    crawlSite: (crawlId: string) => `${prefix}:crawl:${crawlId}:site`,
    /** STRING: a parsed robots.txt verdict for an origin (JSON), expiring after 24 h. */
    robots: (origin: string) => `${prefix}:robots:${origin}`,
    /** HASH: a host's token bucket (tokens, updated-at ms). */
    hostBucket: (host: string) => `${prefix}:host:${host}:bucket`,
    /** ZSET: a host's requests in flight (member = lease id, score = lease expiry ms). */
    hostInFlight: (host: string) => `${prefix}:host:${host}:inflight`,
    /** STRING: ms timestamp before which nothing is sent to the host (429/503 back-off). */
    hostBackoff: (host: string) => `${prefix}:host:${host}:backoff`,
    /** STRING with a TTL: failed authentications from one client address in the current minute. */
    authFailures: (address: string) => `${prefix}:authfail:${address}`,
    /** Prefix of the API's per-token request counters (@fastify/rate-limit), shared by every server. */
    rateLimit: `${prefix}:ratelimit:`,
    /** HASH: per site and page type, how often the static fetch lacked the listing (render learning). */
    renderStats: (site: string) => `${prefix}:render:${site}`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
