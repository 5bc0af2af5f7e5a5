import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * CORS for the moderators' extension only: its origins (EXTENSION_ORIGINS) may call the API with a
 * bearer token; any other site gets no CORS headers, so a page a moderator visits cannot use the API.
 */
export async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  const allowed = new Set(origins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type'],
    // Bearer tokens, not cookies: no credentials mode needed.
    credentials: false,
    maxAge: 600,
  });
}
