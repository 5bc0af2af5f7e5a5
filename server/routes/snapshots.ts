import type { FastifyReply } from 'fastify';
import { ErrorResponses } from '../../contracts/api.js';
import { readSnapshot } from '../../store/index.js';
import type { Api, AppDeps } from '../app-deps.js';
import { callerOf, REVIEWERS } from '../auth.js';
import { ApiError } from '../errors.js';
import { IdParams } from './listing-params.js';

/**
 * GET /api/v1/snapshots/:id: a listing's WARC snapshot as inert text. The page inside is hostile
 * (crawled HTML, scripts): text/plain with nosniff so no browser renders it, and a CSP sandbox with
 * nothing allowed in case one tries; every read is audited (readSnapshot).
 */
export function registerSnapshots(app: Api, deps: AppDeps): void {
  app.get(
    '/api/v1/snapshots/:id',
    {
      config: { roles: REVIEWERS },
      schema: {
        summary: "A listing's evidence snapshot (WARC 1.1) as plain text; every read is audited",
        tags: ['review'],
        params: IdParams,
        response: ErrorResponses,
      },
    },
    async (request, reply) => {
      const id = Number(request.params.id);
      if (!Number.isSafeInteger(id) || id < 1 || !deps.snapshotDir) throw new ApiError('FL_NOT_FOUND', 'no such snapshot');
      const read = await readSnapshot(deps.store, deps.snapshotDir, id, callerOf(request).name, 'view');
      if (!read) throw new ApiError('FL_NOT_FOUND', 'no such snapshot');
      return (reply as FastifyReply)
        .header('content-type', 'text/plain; charset=utf-8')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'no-store')
        .header('x-faceleak-sha256', read.info.sha256)
        .header('x-faceleak-intact', String(read.intact))
        .send(read.warc);
    },
  );
}
