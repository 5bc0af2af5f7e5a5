import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { packagePath } from '../../config/index.js';

const VERSION = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

/**
 * OpenAPI 3 generated from the routes' zod schemas (the same schemas that validate requests, so the
 * document cannot drift from the code): JSON at /api/docs/json, Swagger UI at /api/docs.
 * Register before the routes: the document is collected as routes are added.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'faceleak API',
        version: VERSION,
        description: 'Moderators report suspect listings; investigators triage, decide and export. Errors are {"error": {"code", "message"}}.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `faceleak token create`' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
