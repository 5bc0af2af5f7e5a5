/**
 * Every queue and Redis key name faceleak uses, in one place. BullMQ keeps its own keys under
 * `${bullPrefix}:${queue}:…`; ours sit beside them under the same prefix, so one QUEUE_PREFIX separates
 * deployments (and test runs) sharing a Redis.
 *
 * Redis Cluster: a multi-key command or Lua script must find all its keys in one hash slot, so every
 * group of keys used together carries one hash tag (`{…}`, the only part of a key Redis hashes):
 * a crawl's keys share `{crawl id}`, a host's politeness keys share `{host}`. Keys used alone need none.
 */
export const QUEUES = {
  /** Crawl work and moderators' reports: the one queue every worker takes from. */
  work: 'work',
} as const;

/**
 * BullMQ job name of a batch of a crawl's pages (queue/crawl-batch.ts): the queue's own packing of
 * crawl-page jobs, several URLs per job, since one BullMQ job per URL caps a worker below the
 * frontier's throughput target (issue #16).
 */
export const CRAWL_BATCH_JOB = 'crawl-batch';

/**
 * BullMQ's prefix. On a cluster BullMQ needs the whole prefix as a hash tag (its scripts touch many keys
 * of one queue at once); on a single Redis the prefix stays as it always was, so queued jobs survive an
 * upgrade.
 */
export function bullPrefix(prefix: string, cluster: boolean): string {
  return cluster ? `{${prefix}}` : prefix;
}

export function redisKeys(prefix: string) {
  const crawl = (crawlId: string) => `${prefix}:crawl:{${crawlId}}`;
  const host = (name: string) => `${prefix}:host:{${name}}`;
  return {
    /**
     * HASH bucket of the crawl's frontier (queue/frontier.ts): field = a URL's fingerprint, value = its
     * state bits. Outlives BullMQ's removal of finished jobs.
     */
    crawlBucket: (crawlId: string, bucket: number) => `${crawl(crawlId)}:fp:${bucket}`,
    /**
     * LIST: the pages a job of the crawl reserved and has yet to queue (one element per reservation, the
     * pages as JSON lines). Written by the script that reserves them, deleted once they are queued, so a
     * job retried after a crash queues them again instead of losing them (queue/crawl-batch.ts).
     */
    crawlJobLog: (crawlId: string, jobId: string) => `${crawl(crawlId)}:log:${jobId}`,
    /** HASH of the crawl's counters: seen, done, failed, listings, flagged; each moved only with a state bit. */
    crawlCounts: (crawlId: string) => `${crawl(crawlId)}:counts`,
    /** STRING: the crawl's site config (JSON), read by workers on any machine. */
    crawlSite: (crawlId: string) => `${crawl(crawlId)}:site`,
    /** STRING: a parsed robots.txt verdict for an origin (JSON), expiring after 24 h. */
    robots: (origin: string) => `${prefix}:robots:${origin}`,
    /** HASH: a host's token bucket (tokens, updated-at ms). */
    hostBucket: (name: string) => `${host(name)}:bucket`,
    /** ZSET: a host's requests in flight (member = lease id, score = lease expiry ms). */
    hostInFlight: (name: string) => `${host(name)}:inflight`,
    /** STRING: ms timestamp before which nothing is sent to the host (429/503 back-off). */
    hostBackoff: (name: string) => `${host(name)}:backoff`,
    /** STRING with a TTL: failed authentications from one client address in the current minute. */
    authFailures: (address: string) => `${prefix}:authfail:${address}`,
    /** Prefix of the API's per-token request counters (@fastify/rate-limit), shared by every server. */
    rateLimit: `${prefix}:ratelimit:`,
    /** HASH: per site and page type, how often the static fetch lacked the listing (render learning). */
    renderStats: (site: string) => `${prefix}:render:${site}`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
