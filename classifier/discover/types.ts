import type { Category } from '../../contracts/index.js';

/** A listing as discovery reads it: plain fields, no store record. */
export interface DiscoveryListing {
  readonly id: string;
  readonly title?: string | null;
  readonly description?: string | null;
  readonly price?: string | number | null;
}

/** What discovery needs of the classifier's verdict on a listing (a stored Verdict will do). */
export interface VerdictSummary {
  readonly flagged: boolean;
  readonly review: boolean;
  readonly score: number;
  readonly category: Category | null;
}

export interface DiscoveryInput {
  readonly listing: DiscoveryListing;
  readonly verdict: VerdictSummary;
}

/** Listings a candidate appears in, by verdict. */
export interface CandidateSupport {
  readonly flagged: number;
  readonly review: number;
  readonly benign: number;
}

/** A proposed new coded term, for an investigator to approve into a lexicon overlay. */
export interface Candidate {
  readonly term: string;
  readonly category: Category;
  readonly score: number;
  readonly support: CandidateSupport;
  /** Other spellings of the same term seen in the listings: homophones, pinyin, initials, traditional and split forms. */
  readonly variants: readonly string[];
  /** Ids of listings it appears in, most offer-like first. */
  readonly examples: readonly string[];
  /** What put it there, in words. */
  readonly why: string;
}

export interface DiscoveryOptions {
  /** How many candidates to return (default 100). */
  readonly top?: number;
  /** Fewest offer-like listings a candidate must appear in (default 2). */
  readonly minSupport?: number;
  /**
   * Least evidence (rank.ts score) a candidate needs to be proposed at all: a short list of likely
   * terms costs an investigator less than a long one of maybes. Default: RELATIVE_MIN_SCORE of the
   * third best candidate's score (discover.ts). 0 lists all.
   */
  readonly minScore?: number;
  /**
   * The classifier's review threshold: an unflagged listing's score is read as a share of it (see
   * SOFT_LABEL in read-listing.ts). Give the classifier's own; without it DEFAULT_REVIEW_THRESHOLD.
   */
  readonly reviewThreshold?: number;
  /** Progress callback, called every few thousand listings read. */
  readonly onProgress?: (stage: string, done: number) => void;
}
