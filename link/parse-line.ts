import type { LinkListing } from './types.js';

export type ParsedLinkLine = { readonly listing: LinkListing; readonly truth?: string } | { readonly error: string };

const TEXT_FIELDS = ['url', 'title', 'description', 'price', 'seller', 'site'] as const;

/**
 * One JSON Lines listing: {id, url, title, description, price, seller, site?} (and `truth` in an
 * evaluation file). A missing id becomes `line-N`, so every listing can still be named in a cluster.
 */
export function parseLinkLine(line: string, lineNumber: number): ParsedLinkLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { error: 'not a JSON object' };
  const o = json as Record<string, unknown>;
  if (o.id !== undefined && typeof o.id !== 'string' && typeof o.id !== 'number') return { error: '"id" must be a string or a number' };
  const listing: Record<string, string | null> = { id: o.id === undefined ? `line-${lineNumber}` : String(o.id) };
  for (const field of TEXT_FIELDS) {
    const v = o[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return { error: `"${field}" must be a string or null` };
    listing[field] = v ?? null;
  }
  const truth = o.truth === undefined || o.truth === null ? undefined : String(o.truth);
  return { listing: listing as unknown as LinkListing, ...(truth === undefined ? {} : { truth }) };
}
