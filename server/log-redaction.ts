import type { FastifyBaseLogger, FastifyRequest } from 'fastify';

/**
 * A URL as the request log keeps it: the path and the names of its query parameters, never their
 * values. Values are where secrets and victims' data travel (`?token=`, a searched ID number, a
 * report's page URL), and a log is read by more people than the audit log is.
 */
export function redactedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

/** The request serializer of every request log line: Fastify's fields, with the URL redacted. */
function requestForLog(request: FastifyRequest) {
  return { method: request.method, url: redactedUrl(request.url), host: request.host, remoteAddress: request.ip };
}

/** The logger a server hands to Fastify: its own, with the request serializer that redacts. */
export const redactingLogger = (logger: FastifyBaseLogger): FastifyBaseLogger => logger.child({}, { serializers: { req: requestForLog } });
