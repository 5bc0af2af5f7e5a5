import { z } from 'zod';

/** How long each unit of a revisit interval is, in ms. */
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Shortest and longest intervals a site config may ask for: under a second is a hammering loop, over a year a typo. */
export const MIN_INTERVAL_MS = 1000;
export const MAX_INTERVAL_MS = 366 * UNIT_MS.d;

/**
 * An interval as a site config writes it, "30s", "15m", "1h", "7d" (also "1.5h"), in ms; null when it
 * is not one. Only these four units: a month or a year is not a fixed length.
 */
export function parseInterval(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/.exec(text);
  if (!m) return null;
  const ms = Math.round(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
  return ms >= MIN_INTERVAL_MS && ms <= MAX_INTERVAL_MS ? ms : null;
}

/** An interval field of a site config: kept as written (so a stored config reads back the same), checked here. */
export const IntervalSchema = z
  .string()
  .refine((s) => parseInterval(s) !== null, 'must be a number and a unit, s m h or d (e.g. "30s", "1h", "7d"), between 1s and 366d');

/**
 * `"revisit": {"index": "1h", "listing": "7d"}`: how often a watched site's index and search pages are
 * polled for new listings, and how often each known listing is fetched again (conditionally) for edits and
 * takedowns. Absent (the default): the site is crawled once and never watched; either part may be left
 * out to watch only the other.
 */
export const RevisitSchema = z
  .object({ index: IntervalSchema.optional(), listing: IntervalSchema.optional() })
  .strict()
  .refine((r) => r.index !== undefined || r.listing !== undefined, 'give "index", "listing" or both (leave "revisit" out to not watch)');

export interface RevisitIntervals {
  /** null: index pages are not polled again. */
  readonly indexMs: number | null;
  /** null: listings are fetched once and never revisited. */
  readonly listingMs: number | null;
}

/** A site's revisit intervals in ms, or null when the site is not to be watched. */
export function revisitIntervals(site: { revisit?: { index?: string; listing?: string } }): RevisitIntervals | null {
  if (!site.revisit) return null;
  const ms = (s: string | undefined) => (s === undefined ? null : parseInterval(s));
  return { indexMs: ms(site.revisit.index), listingMs: ms(site.revisit.listing) };
}
