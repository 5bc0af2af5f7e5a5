import { z } from 'zod';
import { DecisionSchema, type ListingText } from '../../contracts/index.js';
import { audit, decodeCursor, encodeCursor, listingDetail, listListings, liveClaims, recordDecision, releaseClaims, snapshotsOf } from '../../store/index.js';
import type { Api, AppDeps } from '../app-deps.js';
import { ListingFilterFields, maskRow, show, shownEvidence, storeFilters } from '../listing-view.js';
import { ANY_ROLE, callerOf, REVIEWERS } from '../auth.js';
import { ApiError } from '../errors.js';
import { sameSellerOf, shownHandlesOf } from '../seller-view.js';
import { BulkDecisionResultSchema, CallerSchema, DecisionResultSchema, ListingDetailSchema, ListingPageSchema } from '../../contracts/api.js';
import { registerClaims } from './listing-claims.js';
import { availabilityOf } from '../takedown-view.js';
import { docs, idParam, IdParams } from './listing-params.js';

const ListQuerySchema = z
  .object({ ...ListingFilterFields, cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();

const DecisionBodySchema = z.object({ decision: DecisionSchema, note: z.string().max(2000).optional() }).strict();
// Bulk decisions are capped so one request stays one short transaction.
const BulkDecisionBodySchema = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(500), decision: DecisionSchema, note: z.string().max(2000).optional() })
  .strict();

export function registerListings(app: Api, deps: AppDeps): void {
  app.get(
    '/api/v1/listings',
    {
      config: { roles: REVIEWERS },
      schema: docs(
        'Listings, highest score first or (sort=cluster) largest seller cluster first (masked; q searches the masked text; every read is audited)',
        { status: 200, schema: ListingPageSchema },
        { querystring: ListQuerySchema },
      ),
    },
    async (request) => {
      const { cursor: rawCursor, limit, ...filters } = request.query;
      const cursor = rawCursor ? decodeCursor(rawCursor) : null;
      // A cursor carries the cluster size only under sort=cluster: one from the other order would skip rows.
      if ((rawCursor && !cursor) || (cursor && (cursor.clusterSize !== undefined) !== (filters.sort === 'cluster')))
        throw new ApiError('FL_BAD_REQUEST', 'cursor: not one this API gave out for this sort');
      // A queue read shows victims' text (masked) like a view does, and a search is a question about it: both are logged.
      await audit(deps.store, callerOf(request).name, 'list', null, JSON.stringify({ ...filters, cursor: rawCursor ?? null }));
      const rows = await listListings(deps.store, storeFilters(filters), cursor, limit + 1);
      const page = rows.slice(0, limit);
      // Who has which row open ("open by ana"): the review page's `j` passes over those.
      const pageIds = page.map((r) => r.id);
      const live = await liveClaims(deps.store, pageIds);
      const claims = new Map(live.map((c) => [c.listingId, { by: c.by, until: c.until }]));
      const availability = await availabilityOf(
        deps.store,
        page.map((r) => r.id),
      );
      return {
        items: page.map((r) => ({ ...maskRow(r), claim: claims.get(r.id) ?? null, ...availability(r.id) })),
        nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null,
      };
    },
  );

  const detailQuery = z.object({ unmask: z.enum(['true', 'false']).default('false') }).strict();
  app.get(
    '/api/v1/listings/:id',
    {
      config: { roles: REVIEWERS },
      schema: docs(
        'A listing with its verdicts, reports, text history and decisions',
        { status: 200, schema: ListingDetailSchema },
        { description: 'unmask=true shows ID, phone and bank card numbers and is written to the audit log.', params: IdParams, querystring: detailQuery },
      ),
    },
    async (request) => {
      const caller = callerOf(request);
      const id = idParam(request.params.id);
      const unmask = request.query.unmask === 'true';
      const detail = await listingDetail(deps.store, id);
      if (!detail) throw new ApiError('FL_NOT_FOUND', 'no such listing');
      await audit(deps.store, caller.name, unmask ? 'unmask' : 'view', id);
      const { listing: l } = detail;
      // Each verdict read the text version with its content hash (the current one may also be the listing's own text).
      const versionOf = new Map(detail.versions.map((v) => [v.contentHash, v]));
      const readBy = (hash: string) => [versionOf.get(hash), hash === l.contentHash ? l : null];
      const shown = <T extends ListingText>(t: T): T => ({
        ...t,
        title: show(t.title, unmask),
        description: show(t.description, unmask),
        price: show(t.price, unmask),
        seller: show(t.seller, unmask),
      });
      return {
        ...shown(l),
        ...(await availabilityOf(deps.store, [id]))(id),
        masked: !unmask,
        verdicts: detail.verdicts.map((v) => ({ ...v, evidence: shownEvidence(v.evidence, unmask, readBy(v.contentHash)) })),
        history: detail.versions.map(shown),
        reports: detail.reports.map((r) => ({ ...r, note: show(r.note, unmask) })),
        decisions: detail.decisions.map((d) => ({ ...d, note: show(d.note, unmask) })),
        // "same seller: N listings on M sites" with why, and the listing's WARC snapshots (issue 14).
        handles: await shownHandlesOf(deps.store, id, unmask),
        sameSeller: await sameSellerOf(deps.store, id, unmask),
        snapshots: (await snapshotsOf(deps.store, [id])).get(id) ?? [],
      };
    },
  );

  app.post(
    '/api/v1/listings/:id/decision',
    {
      config: { roles: REVIEWERS },
      schema: docs('Decide a listing', { status: 201, schema: DecisionResultSchema }, { params: IdParams, body: DecisionBodySchema }),
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const id = idParam(request.params.id);
      const body = request.body;
      if (!(await recordDecision(deps.store, id, body.decision, body.note ?? null, caller.name))) throw new ApiError('FL_NOT_FOUND', 'no such listing');
      // Decided, the listing leaves the undecided queue: whoever had it open has nothing left to hold.
      await releaseClaims(deps.store, [id]);
      return reply.status(201).send({ id, decision: body.decision, by: caller.name });
    },
  );

  app.post(
    '/api/v1/decisions',
    {
      config: { roles: REVIEWERS },
      schema: docs('Decide a selection of listings at once', { status: 201, schema: BulkDecisionResultSchema }, { body: BulkDecisionBodySchema }),
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const body = request.body;
      const decided: number[] = [];
      const missing: number[] = [];
      for (const id of new Set(body.ids)) ((await recordDecision(deps.store, id, body.decision, body.note ?? null, caller.name)) ? decided : missing).push(id);
      await releaseClaims(deps.store, decided);
      return reply.status(201).send({ decision: body.decision, by: caller.name, decided, missing });
    },
  );

  registerClaims(app, deps);

  app.get(
    '/api/v1/me',
    { config: { roles: ANY_ROLE }, schema: { ...docs('Who the token belongs to', { status: 200, schema: CallerSchema }, {}), tags: ['auth'] } },
    async (request) => {
      const { name, role } = callerOf(request);
      return { name, role };
    },
  );
}
