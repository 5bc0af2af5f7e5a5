import { z } from 'zod';
import { DecisionSchema } from './decision.js';
import { cursorPage } from './paging.js';

// Seller clusters and evidence snapshots in the API (issue 14). Handles are masked unless the caller
// asked for unmask=true (audited), as ID and phone numbers are.

const text = z.string().nullable();

export const SnapshotSchema = z.object({
  id: z.number().int(),
  contentHash: z.string().describe('the listing text version it was fetched with'),
  reason: z.enum(['flagged', 'reported']),
  sha256: z.string().describe('SHA-256 (hex) of the WARC file'),
  bytes: z.number().int(),
  fetchedAt: z.string(),
  createdAt: z.string(),
});

export const SellerLinkSchema = z.object({
  via: z.enum(['handle', 'near-duplicate', 'same-seller']).describe('same-seller: a reworded relist by the same account name on the same site'),
  handles: z.array(z.string()).describe('the handle as each listing wrote it (masked unless unmasked); empty for a near-duplicate'),
  listingIds: z.tuple([z.number().int(), z.number().int()]),
  jaccard: z.number().nullable().describe('near-duplicate and same-seller: Jaccard of the distinctive shingles'),
  shared: z.number().int().nullable().describe('near-duplicate and same-seller: distinctive shingles shared'),
  why: z.string().describe('the reason in words'),
});

export const SellerClusterSummarySchema = z.object({
  id: z.number().int(),
  size: z.number().int().describe('listings in the cluster'),
  sites: z.array(z.string()),
  flagged: z.number().int().describe('listings flagged'),
  categories: z.array(z.string()),
  firstSeen: z.string(),
  lastSeen: z.string(),
});

export const SellerClusterPageSchema = cursorPage(SellerClusterSummarySchema);

export const SellerListingSchema = z.object({
  id: z.number().int(),
  site: z.string(),
  url: z.string(),
  title: text,
  description: text,
  price: text,
  seller: text,
  flagged: z.boolean(),
  review: z.boolean(),
  score: z.number(),
  category: z.string().nullable(),
  decision: DecisionSchema.nullable(),
  fetchedAt: z.string(),
  contentHash: z.string(),
  snapshots: z.array(SnapshotSchema),
});

export const SellerClusterDetailSchema = SellerClusterSummarySchema.extend({
  masked: z.boolean(),
  listings: z.array(SellerListingSchema),
  handles: z.array(
    z.object({
      key: z.string().describe('kind:id, masked unless unmasked'),
      kind: z.string(),
      listingIds: z.array(z.number().int()),
      generic: z.boolean().describe('on too many sellers to link anyone (a hotline, a shared agent)'),
    }),
  ),
  links: z.array(SellerLinkSchema),
});

/** On a listing's detail: the seller cluster it belongs to, and why. */
export const SameSellerSchema = z
  .object({
    clusterId: z.number().int(),
    listings: z.number().int(),
    sites: z.number().int(),
    siteNames: z.array(z.string()),
    summary: z.string().describe('"same seller: N listings on M sites"'),
    why: z.array(SellerLinkSchema).describe("the links that join this listing to the others (at most 20), the listing's own first"),
  })
  .nullable();

export const ClusterDecisionBodySchema = z.object({ decision: DecisionSchema, note: z.string().max(2000).optional() }).strict();
export const ClusterDecisionResultSchema = z.object({
  clusterId: z.number().int(),
  decision: DecisionSchema,
  by: z.string(),
  decided: z.array(z.number().int()),
});
