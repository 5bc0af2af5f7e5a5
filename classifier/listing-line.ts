import { TEXT_FIELDS } from '../contracts/index.js';
import type { ListingFields } from './rules/analyze.js';

export type ParsedLine = { listing: ListingFields & { id?: unknown } } | { error: string };

const FIELDS = TEXT_FIELDS;

/**
 * One line of `faceleak classify` input. Missing and null fields are empty; numbers are taken as
 * text (prices often are numbers); any other type is an error, so a producer's bug is seen.
 */
export function parseListingLine(line: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { error: 'expected a JSON object' };
  const record = json as Record<string, unknown>;
  const listing: ListingFields & { id?: unknown } = { id: record.id };
  for (const field of FIELDS) {
    const v = record[field];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') listing[field] = v;
    else if (typeof v === 'number') listing[field] = String(v);
    else return { error: `"${field}" must be a string, not ${Array.isArray(v) ? 'an array' : typeof v}` };
  }
  return { listing };
}
