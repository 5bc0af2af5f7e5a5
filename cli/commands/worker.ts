import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { parseNumberOption } from '../fatal.js';
import { createLogger } from '../log.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Work the shared queue (crawl pages, reports) until stopped. Start as many as you like, on any machine sharing the Redis.')
    .option('--concurrency <n>', 'jobs worked at once', parseNumberOption('--concurrency', 1, 256), 4)
    .option(
      '--lock-ms <ms>',
      "job lock time: a killed worker's jobs return to the queue after about this long",
      parseNumberOption('--lock-ms', 1000, 600_000),
      30_000,
    )
    .addHelpText('after', '\nSIGTERM or SIGINT: finish the jobs in hand, then exit. A second signal hands them back to the queue at once.')
    .action(async (opts: { concurrency: number; lockMs: number }) => {
      const { startPipelineWorker } = await import('../../pipeline/index.js');
      const { resolveRedisUrl } = await import('../../queue/index.js');
      const config = loadConfig();
      const log = createLogger(config, 'faceleak-worker');
      const say = (m: string) => log.info(m);
      const redisUrl = await resolveRedisUrl(config, say);
      const w = await startPipelineWorker({ config, redisUrl, concurrency: opts.concurrency, lockDurationMs: opts.lockMs });
      let done = 0;
      let failed = 0;
      w.worker.on('completed', () => done++);
      w.worker.on('failed', (job, err) => {
        failed++;
        log.warn({ jobId: job?.id, url: job?.data?.url, attempt: job?.attemptsMade, err: err.message }, 'job attempt failed');
      });
      log.info({ prefix: config.queuePrefix, redis: redisUrl, concurrency: opts.concurrency }, 'worker started');
      const timer = setInterval(() => log.info({ done, failedAttempts: failed }, 'progress'), 30_000);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: string) => {
          clearInterval(timer);
          if (stopping) {
            say(`${signal} again: handing the jobs in hand back to the queue`);
            void w.close(true).then(resolve);
            return;
          }
          stopping = true;
          say(`${signal}: finishing the jobs in hand (send it again to stop at once)`);
          void w.close().then(resolve);
        };
        process.on('SIGTERM', () => stop('SIGTERM'));
        process.on('SIGINT', () => stop('SIGINT'));
        // A helper of `faceleak crawl` (pipeline/helper-workers.ts) stops with the crawl, even a killed one.
        process.on('disconnect', () => {
          if (!stopping) stop('the crawl that started this worker ended');
        });
      });
      say(`stopped after ${done} jobs`);
      process.exit(0);
    });
}
