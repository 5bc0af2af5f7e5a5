import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { redisKeys } from '../queue/index.js';
import { AuthFailureLimit } from './auth-failures.js';
import type { AppDeps } from './app-deps.js';
import { registerAuth } from './auth.js';
import { registerJsonBody } from './json-body.js';
import { redactingLogger } from './log-redaction.js';
import { registerRequestLog } from './request-log.js';
import { ApiError, FASTIFY_CODES } from './errors.js';
import { registerBullBoard } from './plugins/bull-board.js';
import { registerCors } from './plugins/cors.js';
import { registerMetrics } from './plugins/metrics.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerRateLimit } from './plugins/rate-limit.js';
import { registerHealth } from './routes/health.js';
import { registerExport } from './routes/export.js';
import { registerLexiconRoutes } from './routes/lexicon.js';
import { registerListings } from './routes/listings.js';
import { registerReports } from './routes/reports.js';
import { registerSiteRoutes } from './routes/sites.js';
import { registerReviewPage } from './routes/review-page.js';
import { registerSellers } from './routes/sellers.js';
import { registerSnapshots } from './routes/snapshots.js';

export type { Api, AppDeps } from './app-deps.js';

// A report may carry the page's HTML (≤ 2 MiB) besides its fields.
export const BODY_LIMIT = 2 * 1024 * 1024 + 64 * 1024;

/** The API as a Fastify instance, not listening: server.ts listens, tests use inject(). */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: redactingLogger(deps.logger) } : { logger: false }),
    // Not two lines per request at info: registerRequestLog keeps errors and slow requests (every request at debug).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.trustProxy ?? false,
    // Every bad field on its own, named by where it is: "body.url: must be an absolute http(s) URL; body.clientReportId: …".
    schemaErrorFormatter: (errors, where) => new Error(errors.map((e) => `${where}${e.instancePath.replaceAll('/', '.')}: ${e.message}`).join('; ')),
  });
  // One set of zod schemas validates requests, types handlers and writes the OpenAPI document.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: any other body is 415, not a string for the routes to misread.
  app.removeContentTypeParser('text/plain');
  registerJsonBody(app);
  registerRequestLog(app);
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
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'FL_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );
  // Plugins first, routes after, all in one scope: rate limits and the OpenAPI document see routes added after them.
  app.register(async (scope) => {
    const api = scope.withTypeProvider<ZodTypeProvider>();
    await registerCors(api, deps.extensionOrigins ?? []);
    await registerRateLimit(api, deps.redis, redisKeys(deps.queue.prefix).rateLimit, deps.rateLimitPerMinute ?? 600);
    await registerOpenApi(api);
    registerAuth(api, deps.store, new AuthFailureLimit(deps.redis, redisKeys(deps.queue.prefix).authFailures));
    registerMetrics(api, deps.store, deps.queue);
    registerHealth(api, deps);
    registerReports(api, deps);
    registerListings(api, deps);
    registerExport(api, deps);
    registerSiteRoutes(api, deps);
    registerLexiconRoutes(api, deps);
    registerSellers(api, deps);
    registerSnapshots(api, deps);
    await registerBullBoard(api, deps.store, deps.queue);
  });
  registerReviewPage(app);
  return app;
}
