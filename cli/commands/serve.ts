import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { parseNumberOption } from '../fatal.js';
import { createLogger } from '../log.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the API (reports in, verdicts out) and, unless --no-workers, queue workers in the same process.')
    .option('--port <n>', 'port to listen on (default: PORT, else 8080)', parseNumberOption('--port', 0, 65535))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-workers', 'only serve; `faceleak worker` processes do the work')
    .option('--concurrency <n>', 'jobs the in-process workers work at once', parseNumberOption('--concurrency', 1, 256), 8)
    .addHelpText('after', '\nEvery API call needs Authorization: Bearer <token> (see `faceleak token create`). GET /healthz checks Redis and the database.')
    .action(async (opts: { port?: number; host: string; workers: boolean; concurrency: number }) => {
      const { startServer } = await import('../../server/index.js');
      const { resolveRedisUrl } = await import('../../queue/index.js');
      const config = { ...loadConfig(), ...(opts.port !== undefined ? { port: opts.port } : {}) };
      const log = createLogger(config, 'faceleak-serve');
      const redisUrl = await resolveRedisUrl(config, (m) => log.info(m));
      const server = await startServer(config, redisUrl, { workers: opts.workers ? opts.concurrency : 0, host: opts.host, logger: log });
      process.stderr.write(`faceleak serve: listening on ${server.url}${opts.workers ? ' (with workers)' : ''}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      process.exit(0);
    });
}
