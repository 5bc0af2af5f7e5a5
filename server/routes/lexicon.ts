import { z } from 'zod';
import { OVERLAY_FORMAT, overlayVersion, parseOverlay, type LexiconOverlay } from '../../classifier/index.js';
import {
  ErrorResponses,
  LexiconResponseSchema,
  SuggestionDecisionBodySchema,
  SuggestionDecisionResultSchema,
  SuggestionPageSchema,
} from '../../contracts/api.js';
import { maskSensitive } from '../../privacy/index.js';
import { audit, currentOverlay, decideSuggestion, listingsByIds, suggestion, suggestions } from '../../store/index.js';
import type { Api, AppDeps } from '../app-deps.js';
import { ANY_ROLE, callerOf, REVIEWERS } from '../auth.js';
import { ApiError } from '../errors.js';

const masked = (s: string | null) => (s === null ? null : maskSensitive(s).slice(0, 300));

/** The overlay in force, parsed (an empty one when nothing was approved yet). */
async function overlayInForce(deps: AppDeps): Promise<LexiconOverlay> {
  const row = await currentOverlay(deps.store);
  return row ? parseOverlay(row.overlay, `overlay version ${row.id}`) : { format: OVERLAY_FORMAT, terms: [] };
}

/**
 * Code-word discovery in the API: the suggestions waiting for investigators (with masked examples),
 * their decisions (an approval puts the term in a new overlay version, taken up by every worker
 * within seconds), and the overlay in force for the extension's highlighter.
 */
export function registerLexiconRoutes(app: Api, deps: AppDeps): void {
  const StatusQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }).strict();
  app.get(
    '/api/v1/suggestions',
    {
      config: { roles: REVIEWERS },
      schema: {
        summary: 'Suggested new code words, best first, with examples (masked; audited)',
        tags: ['lexicon'],
        querystring: StatusQuery,
        response: { ...ErrorResponses, 200: SuggestionPageSchema },
      },
    },
    async (request) => {
      const items = await suggestions(deps.store, request.query.status);
      const ids = [...new Set(items.flatMap((s) => s.examples.slice(0, 3).map(Number)).filter(Number.isSafeInteger))];
      const listings = new Map((await listingsByIds(deps.store, ids)).map((l) => [l.id, l]));
      await audit(deps.store, callerOf(request).name, 'list', null, JSON.stringify({ suggestions: request.query.status }));
      return {
        items: items.map((s) => ({
          ...s,
          variants: [...s.variants],
          examples: s.examples
            .slice(0, 3)
            .map((id) => listings.get(Number(id)))
            .filter((l) => l !== undefined)
            .map((l) => ({ id: l.id, site: l.site, title: masked(l.title), description: masked(l.description) })),
        })),
      };
    },
  );

  app.post(
    '/api/v1/suggestions/decision',
    {
      config: { roles: REVIEWERS },
      schema: {
        summary: 'Approve a suggested term into the lexicon overlay, or reject it (audited)',
        tags: ['lexicon'],
        body: SuggestionDecisionBodySchema,
        response: { ...ErrorResponses, 201: SuggestionDecisionResultSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const body = request.body;
      const s = await suggestion(deps.store, body.matchKey);
      if (!s) throw new ApiError('FL_NOT_FOUND', `no suggestion ${body.matchKey}`);
      if (s.status !== 'pending') throw new ApiError('FL_CONFLICT', `${s.term} was already ${s.status} by ${s.decidedBy ?? 'someone'}`);
      let next: LexiconOverlay | null = null;
      if (body.decision === 'approve') {
        const current = await overlayInForce(deps);
        const category = body.category ?? s.category;
        const term = {
          term: s.term,
          variants: s.variants.slice(0, 50),
          category,
          needsSignal: body.needsSignal ?? true,
          weight: body.weight ?? 2,
          approvedBy: caller.name,
          approvedAt: new Date().toISOString(),
          note: s.why.slice(0, 1000),
        };
        next = parseOverlay({ ...current, terms: [...current.terms, term] }, 'the new overlay');
      }
      const status = body.decision === 'approve' ? 'approved' : 'rejected';
      await decideSuggestion(
        deps.store,
        s.matchKey,
        status,
        caller.name,
        next ? JSON.stringify(next) : null,
        JSON.stringify({ term: s.term, category: body.category ?? s.category }),
      );
      return reply.status(201).send({ matchKey: s.matchKey, status, overlayVersion: next ? overlayVersion(next) : null });
    },
  );

  app.get(
    '/api/v1/lexicon',
    {
      config: { roles: ANY_ROLE },
      schema: {
        summary: 'The overlay of approved terms in force (the extension highlights them too)',
        tags: ['lexicon'],
        response: { ...ErrorResponses, 200: LexiconResponseSchema },
      },
    },
    async () => {
      const row = await currentOverlay(deps.store);
      if (!row) return { version: null, overlay: null };
      const overlay = parseOverlay(row.overlay, `overlay version ${row.id}`);
      return { version: overlayVersion(overlay), overlay };
    },
  );
}
