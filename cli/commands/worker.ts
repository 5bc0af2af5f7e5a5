import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { parseNumberOption } from '../fatal.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Work the shared queue (crawl pages, reports) until stopped. Start as many as you like, on any machine sharing the Redis.')
    .option('--concurrency <n>', 'jobs worked at once', parseNumberOption('--concurrency', 1, 256), 4)
    .option('--lock-ms <ms>', 'job lock time: a killed worker\'s jobs return to the queue after about this long', parseNumberOption('--lock-ms', 1000, 600_000), 30_000)
    .addHelpText('after', '\nSIGTERM or SIGINT: finish the jobs in hand, then exit. A second signal hands them back to the queue at once.')
    .action(async (opts: { concurrency: number; lockMs: number }) => {
      const { startCrawlWorker } = await import('../../crawler/worker.js');
      const { resolveRedisUrl } = await import('../../queue/index.js');
      const config = loadConfig();
      const say = (m: string) => process.stderr.write(`faceleak worker: ${m}\n`);
      const redisUrl = await resolveRedisUrl(config, say);
      const w = await startCrawlWorker({ config, redisUrl, concurrency: opts.concurrency, lockDurationMs: opts.lockMs });
      let done = 0;
      let failed = 0;
      w.worker.on('completed', () => done++);
      w.worker.on('failed', (job, err) => {
        failed++;
        say(`${job?.data?.url ?? job?.id}: ${err.message}`);
      });
      say(`working queue prefix "${config.queuePrefix}" on ${redisUrl} with concurrency ${opts.concurrency}`);
      const timer = setInterval(() => say(`${done} jobs done, ${failed} failed attempts`), 30_000);
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
      });
      say(`stopped after ${done} jobs`);
      process.exit(0);
    });
}
