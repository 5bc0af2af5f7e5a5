// Shapes of the JSON API, inferred from the server's own response schemas (type-only imports:
// nothing of the server reaches the bundle). Text fields arrive masked unless unmasked.
import type { z } from 'zod';
import type { Category as ContractCategory, DecisionSchema, EvidenceSchema, TextField as ContractTextField } from '../../contracts/index.js';
import type {
  BulkDecisionResultSchema,
  CallerSchema,
  ClaimResultSchema,
  ClaimSchema,
  ListingDetailSchema,
  ListingPageSchema,
  ListingRowSchema,
  SuggestionDecisionBodySchema,
  SuggestionDecisionResultSchema,
  SuggestionSchema,
  ClusterDecisionResultSchema,
  SameSellerSchema,
  SellerClusterDetailSchema,
  SellerClusterPageSchema,
  SellerClusterSummarySchema,
  SnapshotSchema,
} from '../../contracts/api.js';

export type Decision = z.infer<typeof DecisionSchema>;
export type TextField = ContractTextField;

export type Me = z.infer<typeof CallerSchema>;
export type QueueItem = z.infer<typeof ListingRowSchema>;
export type QueuePage = z.infer<typeof ListingPageSchema>;
/** Who has a listing open, until when; advisory (it blocks nothing). */
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimResult = z.infer<typeof ClaimResultSchema>;

/** The queue's filters as the form holds them; empty strings mean "any". */
export interface Filters {
  readonly flagged: '' | 'true' | 'false';
  /** 'true': the review band only (not flagged, scored high enough to look at). */
  readonly review: '' | 'true';
  readonly category: string;
  readonly decision: '' | Decision | 'none';
  readonly site: string;
  readonly q: string;
  readonly minScore: string;
  /** Only listings whose seller cluster has at least this many listings ('' or 1: any). */
  readonly minClusterSize: string;
}

export type Evidence = z.infer<typeof EvidenceSchema>;
export type VerdictRecord = ListingDetail['verdicts'][number];
export type ListingDetail = z.infer<typeof ListingDetailSchema>;
export type BulkResult = z.infer<typeof BulkDecisionResultSchema>;

export type Category = ContractCategory;
/** A suggested code word waiting for an investigator, with masked examples of listings using it. */
export type Suggestion = z.infer<typeof SuggestionSchema>;
export type SuggestionDecision = z.infer<typeof SuggestionDecisionBodySchema>;
export type SuggestionDecisionResult = z.infer<typeof SuggestionDecisionResultSchema>;

/** A seller cluster as the Sellers view lists it: listings linked by a shared handle or near-duplicate text. */
export type SellerCluster = z.infer<typeof SellerClusterSummarySchema>;
export type SellerClusterPage = z.infer<typeof SellerClusterPageSchema>;
/** One cluster opened: its listings (masked text), handles (masked unless unmasked) and the links with their reasons. */
export type SellerClusterDetail = z.infer<typeof SellerClusterDetailSchema>;
export type ClusterDecisionResult = z.infer<typeof ClusterDecisionResultSchema>;
/** "same seller: N listings on M sites" on a listing, with the links that say why; null when it is alone. */
export type SameSeller = z.infer<typeof SameSellerSchema>;
export type SellerLink = NonNullable<SameSeller>['why'][number];
/** A WARC evidence snapshot of a listing: when it was fetched and the file's SHA-256. */
export type Snapshot = z.infer<typeof SnapshotSchema>;
