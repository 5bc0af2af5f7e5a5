import { sql } from 'kysely';
import type { Api, AppDeps } from '../app-deps.js';

/** GET /healthz: 200 when Redis and the database answer, 503 naming what does not. */
export function registerHealth(app: Api, deps: AppDeps): void {
  app.get('/healthz', { schema: { summary: 'Redis and the database answer', tags: ['operations'], security: [] } }, async (_request, reply) => {
    const check = async (f: () => Promise<unknown>) => {
      try {
        await Promise.race([f(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
        return 'ok';
      } catch (error) {
        return `down: ${(error as Error).message}`;
      }
    };
    const [redis, database] = await Promise.all([check(() => deps.redis.ping()), check(() => sql`select 1`.execute(deps.store.db))]);
    const ok = redis === 'ok' && database === 'ok';
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', redis, database });
  });
}
