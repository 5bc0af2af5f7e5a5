import { z } from 'zod';
import { API_ERRORS } from './api-errors.js';
import { DecisionSchema } from './decision.js';
import { HttpUrlSchema } from './http-url.js';
import { cursorPage } from './paging.js';
import { SameSellerSchema, SnapshotSchema } from './sellers-api.js';
import { ReportStatusSchema, RoleSchema } from './people.js';
import { CategorySchema, EvidenceSchema, VerdictSchema } from './verdict.js';
import { TakedownSchema } from './takedown.js';

// Response shapes: they serialize the routes' answers, document them in the OpenAPI file, and are
// what the review page and the extension parse (they import this module; it has no I/O).

/** The error body every failure has: clients switch on `code`. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.enum(Object.keys(API_ERRORS) as [keyof typeof API_ERRORS, ...(keyof typeof API_ERRORS)[]]), message: z.string() }),
});

/** Error responses: any route may answer with any of these statuses. */
export const ErrorResponses = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  413: ErrorBodySchema,
  415: ErrorBodySchema,
  429: ErrorBodySchema,
  500: ErrorBodySchema,
  503: ErrorBodySchema,
} as const;

const text = z.string().nullable();

export const ListingRowSchema = z.object({
  id: z.number().int(),
  site: z.string(),
  url: z.string(),
  title: text,
  description: text,
  price: text,
  priceAmount: text.describe('the price as a decimal amount (the low end of a range)'),
  currency: text.describe('ISO 4217 where the page tells it, else the symbol'),
  priceUnit: text.describe('what one price buys: 张, 套, each, set…'),
  seller: text,
  flagged: z.boolean(),
  review: z.boolean().describe('in the review band: not flagged, but scored high enough that an investigator should look'),
  score: z.number(),
  category: z.string().nullable(),
  decision: DecisionSchema.nullable(),
  reports: z.number().int().describe('reports moderators filed on this listing'),
  fetchedAt: z.string(),
  contentHash: z.string(),
  availability: z.string().describe('"live", or "taken down after 3 d 4 h" (from first seen to first seen gone; watched sites)'),
  takedown: TakedownSchema,
  claim: z
    .object({ by: z.string(), until: z.string() })
    .nullable()
    .describe('who has the listing open in the review page, until when (null: nobody); advisory, it blocks nothing'),
});

export const ListingPageSchema = cursorPage(ListingRowSchema);

export const ListingDetailSchema = z.object({
  id: z.number().int(),
  site: z.string(),
  url: z.string(),
  canonicalUrl: z.string(),
  title: text,
  description: text,
  price: text,
  priceAmount: text.describe('the price as a decimal amount (the low end of a range)'),
  currency: text.describe('ISO 4217 where the page tells it, else the symbol'),
  priceUnit: text.describe('what one price buys: 张, 套, each, set…'),
  seller: text,
  images: z.array(z.string()).describe('image URLs as found; the images themselves are never fetched'),
  fetchedAt: z.string(),
  httpStatus: z.number().int().nullable(),
  contentHash: z.string(),
  availability: z.string().describe('"live", or "taken down after 3 d 4 h" (from first seen to first seen gone; watched sites)'),
  takedown: TakedownSchema,
  source: z.string(),
  masked: z.boolean(),
  verdict: z.object({ flagged: z.boolean(), review: z.boolean(), score: z.number(), category: z.string().nullable() }),
  decision: DecisionSchema.nullable(),
  verdicts: z.array(
    z.object({
      contentHash: z.string(),
      modelVersion: z.string(),
      flagged: z.boolean(),
      review: z.boolean(),
      category: z.string().nullable(),
      score: z.number(),
      evidence: z.array(EvidenceSchema),
      createdAt: z.string(),
    }),
  ),
  history: z.array(z.object({ contentHash: z.string(), title: text, description: text, price: text, seller: text, fetchedAt: z.string() })),
  reports: z.array(
    z.object({ id: z.string(), reporter: z.string(), note: text, suspectedCategory: z.string().nullable(), status: z.string(), createdAt: z.string() }),
  ),
  decisions: z.array(z.object({ decision: DecisionSchema, note: text, by: z.string(), at: z.string() })),
  handles: z.array(z.string()).describe('off-platform contact handles read from the listing (kind:id), masked unless unmask=true'),
  sameSeller: SameSellerSchema,
  snapshots: z.array(SnapshotSchema).describe('WARC snapshots kept of this listing (open one at /api/v1/snapshots/:id)'),
});

/** A claim on a listing: who has it open in the review page and until when (ISO-8601). */
export const ClaimSchema = z.object({ listingId: z.number().int(), by: z.string(), until: z.string() });
export const ClaimResultSchema = ClaimSchema.extend({
  yours: z.boolean().describe("false: another investigator's live claim, which stays (the listing can still be read and decided)"),
});
export const ClaimsResponseSchema = z.object({ items: z.array(ClaimSchema) });

export const DecisionResultSchema = z.object({ id: z.number().int(), decision: DecisionSchema, by: z.string() });
export const BulkDecisionResultSchema = z.object({
  decision: DecisionSchema,
  by: z.string(),
  decided: z.array(z.number().int()),
  missing: z.array(z.number().int()),
});
export const CallerSchema = z.object({ name: z.string(), role: RoleSchema });

/** Field limits of a report; the extension cuts its drafts to them. */
export const REPORT_LIMITS = { url: 2048, title: 2000, description: 20_000, price: 200, seller: 200, note: 2000, html: 2 * 1024 * 1024 } as const;

/** POST /api/v1/reports body. */
export const ReportBodySchema = z
  .object({
    url: HttpUrlSchema.max(REPORT_LIMITS.url),
    title: z.string().max(REPORT_LIMITS.title).optional(),
    description: z.string().max(REPORT_LIMITS.description).optional(),
    price: z.string().max(REPORT_LIMITS.price).optional(),
    seller: z.string().max(REPORT_LIMITS.seller).optional(),
    html: z.string().max(REPORT_LIMITS.html).optional(),
    note: z.string().max(REPORT_LIMITS.note).optional(),
    suspectedCategory: CategorySchema.optional(),
    clientReportId: z.string().uuid(),
  })
  .strict();

export const ReportAcceptedSchema = z.object({ id: z.string().uuid(), status: ReportStatusSchema });
export const ReportStateSchema = ReportAcceptedSchema.extend({
  verdict: VerdictSchema.optional(),
  error: z.string().optional(),
  decision: z
    .object({ decision: DecisionSchema, at: z.string() })
    .optional()
    .describe("the investigators' latest decision on the listing the report became, and when (ISO-8601); absent until they decide"),
});
/** GET /api/v1/reports?url=: the caller's own reports of one address, newest first (the extension's "you reported this page at …"). */
export const MyReportsQuerySchema = z.object({ url: HttpUrlSchema.max(REPORT_LIMITS.url) });
export const MyReportsResponseSchema = z.object({
  items: z.array(z.object({ id: z.string().uuid(), status: ReportStatusSchema, createdAt: z.string() })).describe('at most 5, newest first'),
});

export const SiteSummarySchema = z.object({
  name: z.string(),
  hosts: z.array(z.string()),
  fields: z
    .object({ title: z.string(), description: z.string(), price: z.string(), seller: z.string(), images: z.string() })
    .partial()
    .describe('CSS selectors of the listing fields'),
});
export const SitesResponseSchema = z.object({ items: z.array(SiteSummarySchema) });
export * from './lexicon-api.js';
export * from './sellers-api.js';
