import type { FastifyInstance } from 'fastify';

/** A request slower than this is logged whatever its status. */
export const SLOW_REQUEST_MS = 1000;

/**
 * One log line per request worth reading, instead of Fastify's two per request (build the app with
 * `disableRequestLogging`): at the default level (info) a server error (≥ 500, at error), a slow
 * request (> 1 s, at warn) and a client error (4xx, at info: a misconfigured extension or a bad
 * token shows up, and the rate limit bounds how many); every other request at debug, so
 * LOG_LEVEL=debug logs them all. The `req` field goes through the logger's redacting serializer.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const statusCode = reply.statusCode;
    const responseTime = Math.round(reply.elapsedTime);
    const level = statusCode >= 500 ? 'error' : responseTime > SLOW_REQUEST_MS ? 'warn' : statusCode >= 400 ? 'info' : 'debug';
    request.log[level]({ req: request, res: { statusCode }, responseTime }, responseTime > SLOW_REQUEST_MS ? 'slow request' : 'request completed');
  });
}
