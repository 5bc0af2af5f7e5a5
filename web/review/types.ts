// Shapes of the JSON API, inferred from the server's own response schemas (type-only imports:
// nothing of the server reaches the bundle). Text fields arrive masked unless unmasked.
import type { z } from 'zod';
import type { Category as ContractCategory, DecisionSchema, EvidenceSchema, TextField as ContractTextField } from '../../contracts/index.js';
import type {
  BulkDecisionResultSchema,
  CallerSchema,
  ListingDetailSchema,
  ListingPageSchema,
  ListingRowSchema,
  SuggestionDecisionBodySchema,
  SuggestionDecisionResultSchema,
  SuggestionSchema,
} from '../../contracts/api.js';

export type Decision = z.infer<typeof DecisionSchema>;
export type TextField = ContractTextField;

export type Me = z.infer<typeof CallerSchema>;
export type QueueItem = z.infer<typeof ListingRowSchema>;
export type QueuePage = z.infer<typeof ListingPageSchema>;

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
