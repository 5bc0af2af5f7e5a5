import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ClusterDecisionBodySchema,
  ClusterDecisionResultSchema,
  ErrorResponses,
  SellerClusterDetailSchema,
  SellerClusterPageSchema,
} from '../../contracts/api.js';
import {
  audit,
  clusterDetail,
  evidenceOf,
  listClusters,
  listListings,
  readSnapshot,
  recordDecision,
  releaseClaims,
  snapshotsOf,
  type ClusterCursor,
  type ClusterDetail,
} from '../../store/index.js';
import type { Api, AppDeps } from '../app-deps.js';
import { callerOf, REVIEWERS } from '../auth.js';
import { ApiError } from '../errors.js';
import { maskRow } from '../listing-view.js';
import { HUB_RULE } from '../../link/index.js';
import { shownHandle, shownLink } from '../seller-view.js';
import { evidenceRecord } from './export.js';
import { docs, IdParams } from './listing-params.js';

const ListQuery = z
  .object({
    minSize: z.coerce.number().int().min(1).max(100_000).default(2).describe('clusters of at least this many listings (default 2)'),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
const DetailQuery = z.object({ unmask: z.enum(['true', 'false']).default('false') }).strict();

const encode = (c: ClusterCursor) => Buffer.from(JSON.stringify([c.size, c.lastSeen, c.id])).toString('base64url');
function decode(raw: string): ClusterCursor {
  try {
    const [size, lastSeen, id] = JSON.parse(Buffer.from(raw, 'base64url').toString()) as [unknown, unknown, unknown];
    if (Number.isInteger(size) && typeof lastSeen === 'string' && Number.isInteger(id)) return { size: size as number, lastSeen, id: id as number };
  } catch {
    // fall through: not a cursor this API gave out
  }
  throw new ApiError('FL_BAD_REQUEST', 'cursor: not one this API gave out');
}

const clusterId = (raw: string) => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError('FL_NOT_FOUND', 'no such seller cluster');
  return id;
};

async function cluster(deps: AppDeps, raw: string): Promise<ClusterDetail> {
  const c = await clusterDetail(deps.store, clusterId(raw));
  if (!c) throw new ApiError('FL_NOT_FOUND', 'no such seller cluster');
  return c;
}

/** A cluster as shown: its listings (masked text) with their snapshots, handles masked unless unmasked. */
async function shownCluster(deps: AppDeps, c: ClusterDetail, unmask: boolean) {
  const [rows, snapshots] = await Promise.all([
    listListings(deps.store, { ids: c.listingIds }, null, c.listingIds.length),
    snapshotsOf(deps.store, c.listingIds),
  ]);
  const { listingIds: _ids, ...summary } = c;
  return {
    ...summary,
    masked: !unmask,
    listings: rows.map((r) => {
      const m = maskRow(r);
      // Masked like the queue's rows; unmask applies to the handles, as on the cluster's page.
      return { ...m, snapshots: snapshots.get(r.id) ?? [] };
    }),
    handles: c.handles.map((h) => ({ ...h, key: shownHandle(h.key, unmask) })),
    links: c.links.map((l) => shownLink(l, unmask)),
  };
}

/** The Sellers API: clusters largest and most recently active first, one cluster, a decision on all of it, its evidence file. */
export function registerSellers(app: Api, deps: AppDeps): void {
  app.get(
    '/api/v1/sellers',
    {
      config: { roles: REVIEWERS },
      schema: docs(
        'Seller clusters, largest then most recently active first (read audited)',
        { status: 200, schema: SellerClusterPageSchema },
        { querystring: ListQuery },
      ),
    },
    async (request) => {
      const { minSize, cursor: raw, limit } = request.query;
      const cursor = raw ? decode(raw) : null;
      await audit(deps.store, callerOf(request).name, 'list', null, JSON.stringify({ sellers: true, minSize, cursor: raw ?? null }));
      const rows = await listClusters(deps.store, minSize, cursor, limit + 1);
      const page = rows.slice(0, limit);
      return { items: page, nextCursor: rows.length > limit ? encode(page.at(-1)!) : null };
    },
  );

  app.get(
    '/api/v1/sellers/:id',
    {
      config: { roles: REVIEWERS },
      schema: docs(
        'A seller cluster: its listings, sites, handles and the links that made it',
        { status: 200, schema: SellerClusterDetailSchema },
        {
          description: `unmask=true shows the contact handles whole and is written to the audit log. Generic handles: ${HUB_RULE}.`,
          params: IdParams,
          querystring: DetailQuery,
        },
      ),
    },
    async (request) => {
      const c = await cluster(deps, request.params.id);
      const unmask = request.query.unmask === 'true';
      await audit(deps.store, callerOf(request).name, unmask ? 'unmask' : 'view', null, JSON.stringify({ sellerCluster: c.id, listings: c.listingIds }));
      return shownCluster(deps, c, unmask);
    },
  );

  app.post(
    '/api/v1/sellers/:id/decision',
    {
      config: { roles: REVIEWERS },
      schema: docs(
        'Decide every listing of a seller cluster at once',
        { status: 201, schema: ClusterDecisionResultSchema },
        { params: IdParams, body: ClusterDecisionBodySchema },
      ),
    },
    async (request, reply) => {
      const c = await cluster(deps, request.params.id);
      const caller = callerOf(request);
      const { decision, note } = request.body;
      await audit(deps.store, caller.name, 'cluster-decide', null, JSON.stringify({ sellerCluster: c.id, decision, listings: c.listingIds }));
      const decided: number[] = [];
      // One decision row (and audit entry) per listing, as for bulk decisions.
      for (const id of c.listingIds) if (await recordDecision(deps.store, id, decision, note ?? null, caller.name)) decided.push(id);
      await releaseClaims(deps.store, decided); // decided listings leave the queue: nobody needs to hold them open
      return reply.status(201).send({ clusterId: c.id, decision, by: caller.name, decided });
    },
  );

  app.get(
    '/api/v1/sellers/:id/export',
    {
      config: { roles: REVIEWERS },
      schema: {
        summary: 'A seller cluster as one evidence file: JSON Lines, the cluster then each listing with its WARC snapshots (base64)',
        tags: ['review'],
        params: IdParams,
        response: ErrorResponses,
      },
    },
    async (request, reply) => {
      const c = await cluster(deps, request.params.id);
      const caller = callerOf(request);
      await audit(deps.store, caller.name, 'export', null, JSON.stringify({ sellerCluster: c.id, listings: c.listingIds }));
      const shown = await shownCluster(deps, c, false);
      const rows = await listListings(deps.store, { ids: c.listingIds }, null, c.listingIds.length);
      const evidence = await evidenceOf(deps.store, rows);
      const dir = deps.snapshotDir;
      async function* lines() {
        const { listings: _l, ...head } = shown;
        yield `${JSON.stringify({ type: 'seller-cluster', ...head, listingIds: c.listingIds })}\n`;
        for (const row of rows) {
          const listed = shown.listings.find((l) => l.id === row.id)!;
          const snapshots = [];
          for (const s of listed.snapshots) {
            // Each snapshot read is audited (readSnapshot): a WARC is the page as served, unmasked.
            const read = dir ? await readSnapshot(deps.store, dir, s.id, caller.name, `export of seller cluster ${c.id}`).catch(() => null) : null;
            snapshots.push({ ...s, intact: read?.intact ?? false, warc: read ? read.warc.toString('base64') : null });
          }
          yield `${JSON.stringify({ type: 'listing', ...evidenceRecord(row, evidence.get(row.id)!), snapshots })}\n`;
        }
      }
      reply.header('content-type', 'application/x-ndjson; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="faceleak-seller-${c.id}.jsonl"`);
      return (reply as FastifyReply).send(Readable.from(lines()));
    },
  );
}
