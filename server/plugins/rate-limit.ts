import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { tokenOf } from '../auth.js';
import { ApiError } from '../errors.js';

/**
 * Per-token limits on the API, counted in Redis so every server behind a balancer shares them.
 * The key is a hash of the token (not the token: Redis is not a place for secrets); callers
 * without one are counted by address. Only /api/ is limited: health checks and scrapes are not.
 */
export async function registerRateLimit(app: FastifyInstance, redis: Redis, keyPrefix: string, perMinute: number): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    redis,
    nameSpace: keyPrefix,
    // A Redis outage must not take report intake down with it; the queue call will say so if it matters.
    skipOnError: true,
    allowList: (request) => !request.url.startsWith('/api/'),
    keyGenerator: (request) => {
      const token = tokenOf(request);
      return token ? `t:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => new ApiError('FL_RATE_LIMITED', `more than ${context.max} requests a minute; retry in ${context.after}`),
  });
}
