// The only module that talks to Redis for jobs. Left out: the frontier's Lua scripts and fingerprints
// (WorkQueue is their one user) and the Redis target parsing (connectRedis reads it).
export { QUEUES, CRAWL_BATCH_JOB, bullPrefix, redisKeys, type RedisKeys } from './names.js';
export { connectRedis, isCluster, redisReady, resolveRedisUrl } from './connection.js';
export { RedisUnavailableError } from './errors.js';
export { WorkQueue, CRAWL_JOB_OPTIONS, PAGE_JOB_OPTIONS, pageJobId, type CrawlSettings } from './work-queue.js';
export type { CrawlProgress } from './frontier.js';
export { startWorkWorker, retryDelay, type WorkWorkerOptions, type WorkWorker, type WorkHandlers, type QueueJob } from './work-worker.js';
export { runCrawlJob, type PageWork, type CrawlJobOptions } from './crawl-job.js';
export { MAX_BATCH_PAGES, type CrawlBatchJob, type CrawlPage } from './crawl-batch.js';
