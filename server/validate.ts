import type { z } from 'zod';
import { ApiError } from './errors.js';

/** Parses a body or query with its schema; anything off is a 400 naming every bad field. */
export function validate<T extends z.ZodType>(schema: T, value: unknown, what: 'body' | 'query'): z.infer<T> {
  if (what === 'body' && (value === undefined || value === null || typeof value !== 'object')) throw new ApiError('FL_BAD_REQUEST', 'send a JSON object');
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw new ApiError('FL_BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; '));
  return parsed.data;
}
