// The only module that talks to Redis for jobs.
export { QUEUES, redisKeys, type RedisKeys } from './names.js';
export { connectRedis, redisReady, resolveRedisUrl } from './connection.js';
export { RedisUnavailableError } from './errors.js';
export { WorkQueue, CRAWL_JOB_OPTIONS, pageJobId, type CrawlProgress, type CrawlSettings } from './work-queue.js';
export { startWorkWorker, retryDelay, type WorkWorkerOptions, type WorkWorker } from './work-worker.js';
