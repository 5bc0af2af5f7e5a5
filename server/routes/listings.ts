import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CategorySchema, type Evidence } from '../../contracts/index.js';
import { maskSensitive } from '../../privacy/mask.js';
import { audit, decodeCursor, encodeCursor, listingDetail, listListings, recordDecision } from '../../store/index.js';
import type { AppDeps } from '../app.js';
import { requireRole } from '../auth.js';
import { ApiError } from '../errors.js';
import { validate } from '../validate.js';

const REVIEWERS = ['investigator', 'admin'] as const;
const DecisionSchema = z.enum(['confirmed', 'dismissed', 'escalated']);

const ListQuerySchema = z
  .object({
    flagged: z.enum(['true', 'false']).optional(),
    category: CategorySchema.optional(),
    decision: z.union([DecisionSchema, z.literal('none')]).optional(),
    site: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
    minScore: z.coerce.number().min(0).max(1).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const DecisionBodySchema = z.object({ decision: DecisionSchema, note: z.string().max(2000).optional() }).strict();

const idParam = (raw: string) => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError('FL_NOT_FOUND', 'no such listing');
  return id;
};

/** Text as shown: ID, phone and bank card numbers masked unless the investigator asked (and it was logged). */
const show = (s: string | null, unmask: boolean) => (s === null || unmask ? s : maskSensitive(s));

/** A listing row as shown in the queue and in exports: its text fields masked. */
export const maskRow = <T extends { title: string | null; description: string | null; price: string | null; seller: string | null }>(r: T): T => ({
  ...r,
  title: show(r.title, false),
  description: show(r.description, false),
  price: show(r.price, false),
  seller: show(r.seller, false),
});

export function registerListings(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/v1/listings', async (request) => {
    await requireRole(deps.store, request, REVIEWERS);
    const query = validate(ListQuerySchema, request.query, 'query');
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    if (query.cursor && !cursor) throw new ApiError('FL_BAD_REQUEST', 'cursor: not one this API gave out');
    const rows = await listListings(
      deps.store,
      { flagged: query.flagged === undefined ? undefined : query.flagged === 'true', category: query.category, decision: query.decision, site: query.site, q: query.q, minScore: query.minScore },
      cursor,
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(maskRow),
      nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
    };
  });

  app.get<{ Params: { id: string }; Querystring: { unmask?: string } }>('/api/v1/listings/:id', async (request) => {
    const caller = await requireRole(deps.store, request, REVIEWERS);
    const id = idParam(request.params.id);
    const unmask = request.query.unmask === 'true';
    const detail = await listingDetail(deps.store, id);
    if (!detail) throw new ApiError('FL_NOT_FOUND', 'no such listing');
    await audit(deps.store, caller.name, unmask ? 'unmask' : 'view', id);
    const { listing: l } = detail;
    const evidence = (json: string) => (JSON.parse(json) as Evidence[]).map((e) => ({ ...e, text: show(e.text, unmask)! }));
    return {
      id: l.id,
      site: l.site,
      url: l.url,
      canonicalUrl: l.canonical_url,
      title: show(l.title, unmask),
      description: show(l.description, unmask),
      price: show(l.price, unmask),
      seller: show(l.seller, unmask),
      images: JSON.parse(l.images) as string[],
      fetchedAt: l.fetched_at,
      httpStatus: l.http_status,
      contentHash: l.content_hash,
      source: l.source,
      masked: !unmask,
      verdict: { flagged: l.flagged === 1, score: l.score, category: l.category },
      decision: l.decision,
      verdicts: detail.verdicts.map((v) => ({ contentHash: v.content_hash, modelVersion: v.model_version, flagged: v.flagged === 1, category: v.category, score: v.score, evidence: evidence(v.evidence), createdAt: v.created_at })),
      history: detail.versions.map((v) => ({ contentHash: v.content_hash, title: show(v.title, unmask), description: show(v.description, unmask), price: show(v.price, unmask), seller: show(v.seller, unmask), fetchedAt: v.fetched_at })),
      reports: detail.reports.map((r) => ({ id: r.id, reporter: r.reporter, note: show(r.note, unmask), suspectedCategory: r.suspected_category, status: r.status, createdAt: r.created_at })),
      decisions: detail.decisions.map((d) => ({ decision: d.decision, note: d.note, by: d.decided_by, at: d.decided_at })),
    };
  });

  app.post<{ Params: { id: string } }>('/api/v1/listings/:id/decision', async (request, reply) => {
    const caller = await requireRole(deps.store, request, REVIEWERS);
    const id = idParam(request.params.id);
    const body = validate(DecisionBodySchema, request.body, 'body');
    if (!(await recordDecision(deps.store, id, body.decision, body.note ?? null, caller.name))) throw new ApiError('FL_NOT_FOUND', 'no such listing');
    return reply.status(201).send({ id, decision: body.decision, by: caller.name });
  });
}
