import { z } from 'zod';
import { ClaimResultSchema, ClaimsResponseSchema } from '../../contracts/api.js';
import { audit, claimListing, liveClaims, releaseClaim } from '../../store/index.js';
import type { Api, AppDeps } from '../app-deps.js';
import { callerOf, REVIEWERS } from '../auth.js';
import { ApiError } from '../errors.js';
import { docs, idParam, IdParams } from './listing-params.js';

// Claims: the review page claims the listing an investigator opens, so the others see "open by ana"
// and their `j` passes over it. Advisory: a claim never blocks reading or deciding (store/claims.ts).

// These routes take no body and no query; sending either is a mistake worth a 400 rather than silence.
const NoQuery = z.object({}).strict();
const NoBody = z.object({}).strict().nullish();
const ReleaseResultSchema = z.object({ listingId: z.number().int(), released: z.boolean() });

export function registerClaims(app: Api, deps: AppDeps): void {
  app.post(
    '/api/v1/listings/:id/claim',
    {
      config: { roles: REVIEWERS },
      schema: docs(
        'Claim a listing while you have it open (renews your claim; answers with the claim in force, yours or another investigator’s)',
        { status: 200, schema: ClaimResultSchema },
        { params: IdParams, querystring: NoQuery, body: NoBody },
      ),
    },
    async (request) => {
      const caller = callerOf(request);
      const id = idParam(request.params.id);
      const answer = await claimListing(deps.store, id, caller.name);
      if (!answer) throw new ApiError('FL_NOT_FOUND', 'no such listing');
      const { renewed, ...claim } = answer;
      const yours = claim.by === caller.name;
      // Logged like a view: who took which listing, and who opened one another investigator held. The
      // page renews an open listing's claim every minute; a renewal says nothing new and is not logged.
      if (!renewed) await audit(deps.store, caller.name, 'claim', id, yours ? `until ${claim.until}` : `held by ${claim.by} until ${claim.until}`);
      return { ...claim, yours };
    },
  );

  app.delete(
    '/api/v1/listings/:id/claim',
    {
      config: { roles: REVIEWERS },
      schema: docs(
        'Release your claim on a listing (another investigator’s claim stays)',
        { status: 200, schema: ReleaseResultSchema },
        {
          params: IdParams,
          querystring: NoQuery,
        },
      ),
    },
    async (request) => {
      const caller = callerOf(request);
      const id = idParam(request.params.id);
      return { listingId: id, released: await releaseClaim(deps.store, id, caller.name) };
    },
  );

  app.get(
    '/api/v1/claims',
    {
      config: { roles: REVIEWERS },
      schema: docs('Live claims: which listings investigators have open, until when', { status: 200, schema: ClaimsResponseSchema }, { querystring: NoQuery }),
    },
    // Not audited: a claim holds a listing id and a token name, no listing text.
    async () => ({ items: await liveClaims(deps.store) }),
  );
}
