import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { ApiError } from './errors.js';

/**
 * The API's JSON body parser. Fastify's own answers every refusal as "not valid JSON"; a client
 * that sent `__proto__` or `constructor.prototype` keys (prototype pollution) is told that instead,
 * with its own code, so the two are told apart in logs and by clients. The keys are refused, not
 * stripped: no route takes them, and a body that carries them is an attack or a bug.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(new ApiError('FL_INVALID_JSON', 'the body is empty; send a JSON object'), undefined);
    let value: unknown;
    try {
      // JSON.parse makes a `__proto__` key an own property (no pollution yet); the scan below refuses it.
      value = JSON.parse(text);
    } catch (error) {
      return done(new ApiError('FL_INVALID_JSON', `the body is not valid JSON (${(error as Error).message})`), undefined);
    }
    try {
      if (value !== null && typeof value === 'object') secureJson.scan(value, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      return done(new ApiError('FL_FORBIDDEN_KEY', 'the body has a "__proto__" or "constructor.prototype" key, which no route takes'), undefined);
    }
    done(null, value);
  });
}
