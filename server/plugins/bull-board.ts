import { createBullBoard } from '@bull-board/api';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { WorkQueue } from '../../queue/index.js';
import type { Store } from '../../store/index.js';
import { requireRole } from '../auth.js';
import { ApiError } from '../errors.js';

export const BULL_BOARD_PATH = '/admin/queues';

/**
 * Bull Board for admins. A browser cannot add a bearer header to page loads, so the pages also take
 * HTTP Basic auth with the admin token as password: a 401 here asks the browser for it.
 */
export async function registerBullBoard(app: FastifyInstance, store: Store, queue: WorkQueue): Promise<void> {
  const adapter = new FastifyAdapter();
  createBullBoard({ queues: [queue.dashboardAdapter()], serverAdapter: adapter, options: { uiConfig: { boardTitle: 'faceleak queue' } } });
  adapter.setBasePath(BULL_BOARD_PATH);
  await app.register(async (scope) => {
    // Answered here, not thrown: Bull Board's own error handler would turn a 401 into a 500.
    scope.addHook('onRequest', async (request, reply) => {
      try {
        request.caller = await requireRole(store, request, ['admin']);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.code === 'FL_UNAUTHORIZED') reply.header('www-authenticate', 'Basic realm="faceleak admin", charset="UTF-8"');
        return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message } });
      }
    });
    await scope.register(adapter.registerPlugin(), { prefix: BULL_BOARD_PATH });
  });
}
