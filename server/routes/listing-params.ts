import { z } from 'zod';
import { ErrorResponses } from '../../contracts/api.js';
import { ApiError } from '../errors.js';

// What the listing routes and the claim routes share: the :id parameter and their OpenAPI description.

export const IdParams = z.object({ id: z.string() });

/** A listing id from the path; anything that is not one is a listing that does not exist (404, not 400). */
export const idParam = (raw: string) => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError('FL_NOT_FOUND', 'no such listing');
  return id;
};

export const docs = <S extends object, R extends z.ZodType>(summary: string, ok: { status: 200 | 201; schema: R }, extra: S) => ({
  summary,
  tags: ['review'],
  response: { ...ErrorResponses, [ok.status]: ok.schema } as typeof ErrorResponses & Record<200 | 201, R>,
  ...extra,
});
