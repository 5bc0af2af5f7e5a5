import { z } from 'zod';
import { CategorySchema, DecisionSchema, type Evidence, type ListingText } from '../contracts/index.js';
import { maskEvidence, maskSensitive, type FieldTexts } from '../privacy/index.js';

// How listings are filtered and shown to investigators, shared by the queue, the detail view and the export.

/** Filters shared by the queue and the export. */
export const ListingFilterFields = {
  flagged: z.enum(['true', 'false']).optional(),
  review: z.enum(['true', 'false']).optional().describe("true: the review band (not flagged, but worth an investigator's look)"),
  category: CategorySchema.optional(),
  decision: z.union([DecisionSchema, z.literal('none')]).optional(),
  site: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  minClusterSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe('only listings whose seller cluster has at least this many listings (2: listings with a known other listing of the same seller)'),
  sort: z
    .enum(['score', 'cluster'])
    .optional()
    .describe('score (default): highest score first; cluster: listings of the largest seller cluster first (alone counts 1), then highest score'),
};

/** Query filters as the store takes them. */
const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
export const storeFilters = <T extends { flagged?: 'true' | 'false'; review?: 'true' | 'false' }>(q: T) => ({
  ...q,
  flagged: flag(q.flagged),
  review: flag(q.review),
});

/** Text as shown: ID, phone and bank card numbers masked unless the investigator asked (and it was logged). */
export const show = (s: string | null, unmask: boolean) => (s === null || unmask ? s : maskSensitive(s));

/**
 * A verdict's evidence spans (stored as JSON) as shown: masked, each span's text is cut from the
 * masked text of the field it points into (`readFrom`: the texts the verdict may have read, see maskEvidence).
 */
export const shownEvidence = (json: string, unmask: boolean, readFrom: readonly (FieldTexts | null | undefined)[]): Evidence[] => {
  const spans = JSON.parse(json) as Evidence[];
  return unmask ? spans : maskEvidence(spans, readFrom);
};

/** A listing row as shown in the queue and in exports: its text fields masked. */
export const maskRow = <T extends ListingText>(r: T): T => ({
  ...r,
  title: show(r.title, false),
  description: show(r.description, false),
  price: show(r.price, false),
  seller: show(r.seller, false),
});
