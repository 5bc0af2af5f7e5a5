import type { Decision } from './decision.js';

/** A listing an investigator decided, as training takes it (the store reads it, the classifier learns from it). */
export interface DecidedListing {
  id: number;
  title: string | null;
  description: string | null;
  price: string | null;
  flagged: boolean;
  /** The model's category when it flagged the listing. */
  category: string | null;
  /** What the most recent reporter suspected, when someone reported it. */
  suspectedCategory: string | null;
  decision: Exclude<Decision, 'escalated'>;
}
