import { TEXT_FIELDS } from '../contracts/index.js';
import type { ListingFields } from './rules/analyze.js';

export type ParsedLine = { listing: ListingFields & { id?: unknown }; truncated: string[] } | { error: string };

const FIELDS = TEXT_FIELDS;

/**
 * The longest field classified, in UTF-16 code units (64 Ki). A listing's words that matter are
 * nowhere near this; a longer field is a dump, and classifying megabytes costs hundreds of MB.
 */
export const MAX_FIELD_CHARS = 64 * 1024;

/** A field cut to MAX_FIELD_CHARS, never between the halves of a surrogate pair. */
function capField(text: string): string {
  if (text.length <= MAX_FIELD_CHARS) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_FIELD_CHARS - 1]!) ? MAX_FIELD_CHARS - 1 : MAX_FIELD_CHARS;
  return text.slice(0, end);
}

/**
 * One line of `faceleak classify` input. Missing and null fields are empty; numbers are taken as
 * text (prices often are numbers); any other type is an error, so a producer's bug is seen.
 * Fields longer than MAX_FIELD_CHARS are cut to it and named in `truncated`.
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
  const truncated: string[] = [];
  for (const field of FIELDS) {
    const v = record[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' && typeof v !== 'number') return { error: `"${field}" must be a string, not ${Array.isArray(v) ? 'an array' : typeof v}` };
    const text = String(v);
    const capped = capField(text);
    listing[field] = capped;
    if (capped.length < text.length) truncated.push(field);
  }
  return { listing, truncated };
}
