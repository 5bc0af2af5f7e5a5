import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { WorkQueue } from '../queue/index.js';
import type { Store } from '../store/index.js';
import { ApiError, FASTIFY_CODES } from './errors.js';
import { registerHealth } from './routes/health.js';
import { registerExport } from './routes/export.js';
import { registerListings } from './routes/listings.js';
import { registerReports } from './routes/reports.js';

export interface AppDeps {
  readonly store: Store;
  readonly queue: WorkQueue;
  readonly redis: Redis;
  /** A pino logger for requests; none in tests. */
  readonly logger?: FastifyBaseLogger;
}

// A report may carry the page's HTML (≤ 2 MiB) besides its fields.
export const BODY_LIMIT = 2 * 1024 * 1024 + 64 * 1024;

/** The API as a Fastify instance, not listening: server.ts listens, tests use inject(). */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({ ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }), bodyLimit: BODY_LIMIT, trustProxy: true });
  // The API speaks JSON only: any other body is 415, not a string for the routes to misread.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message } });
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      const e = new ApiError(mapped, error.message);
      return reply.status(e.statusCode).send({ error: { code: e.code, message: e.message } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: 'FL_INTERNAL', message: 'internal error; see the server log' } });
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: { code: 'FL_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }));
  registerHealth(app, deps);
  registerReports(app, deps);
  registerListings(app, deps);
  registerExport(app, deps);
  return app;
}
