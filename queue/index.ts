// The only module that talks to Redis for jobs. Left out: the frontier's Lua scripts and fingerprints
// (WorkQueue is their one user) and the Redis target parsing (connectRedis reads it).
export { QUEUES, bullPrefix, redisKeys, type RedisKeys } from './names.js';
export { connectRedis, isCluster, redisReady, resolveRedisUrl } from './connection.js';
export { RedisUnavailableError } from './errors.js';
export { WorkQueue, CRAWL_JOB_OPTIONS, PAGE_JOB_OPTIONS, pageJobId, type CrawlSettings } from './work-queue.js';
export type { CrawlProgress } from './frontier.js';
export { startWorkWorker, retryDelay, type WorkWorkerOptions, type WorkWorker } from './work-worker.js';
