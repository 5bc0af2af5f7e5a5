import { z } from 'zod';

/**
 * Whether a listing is still up, as the API, the export and the review page say it: "live", or "taken
 * down after 3 d 4 h" (time from when faceleak first saw it to when it was first seen gone: the
 * number a trust-and-safety team is judged by). No I/O: the review page imports it too.
 */
export const TakedownSchema = z
  .object({
    at: z.string().describe('when the listing was first seen gone (ISO-8601)'),
    reason: z.string().nullable().describe('HTTP 404, HTTP 410, or the redirect to the site\'s "removed" page'),
    afterSeconds: z.number().describe('seconds from when faceleak first saw the listing to when it was first seen gone'),
  })
  .nullable();
export type Takedown = z.infer<typeof TakedownSchema>;

export function takedownOf(firstSeenAt: string, takenDownAt: string | null, reason: string | null): Takedown {
  if (takenDownAt === null) return null;
  const afterSeconds = Math.max(0, Math.round((Date.parse(takenDownAt) - Date.parse(firstSeenAt)) / 1000));
  return { at: takenDownAt, reason, afterSeconds };
}

/** "live" or "taken down after 3 d 4 h": the two largest units, in d, h, min, s. */
export function availabilityText(takedown: Takedown): string {
  return takedown === null ? 'live' : `taken down after ${durationText(takedown.afterSeconds)}`;
}

export function durationText(seconds: number): string {
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ];
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${n} ${name}`);
    if (parts.length === 2) break;
  }
  // A part that is zero after a larger one says nothing ("3 d 0 h" reads "3 d").
  return parts.filter((p, i) => i === 0 || !p.startsWith('0 ')).join(' ') || '0 s';
}
