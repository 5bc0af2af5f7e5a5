// Shapes of the JSON API (server/routes/listings.ts); text fields arrive masked unless unmasked.

export type Decision = 'confirmed' | 'dismissed' | 'escalated';
export type TextField = 'title' | 'description' | 'price';

export interface Me {
  readonly name: string;
  readonly role: 'moderator' | 'investigator' | 'admin';
}

export interface QueueItem {
  readonly id: number;
  readonly site: string;
  readonly url: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly price: string | null;
  readonly seller: string | null;
  readonly flagged: boolean;
  readonly score: number;
  readonly category: string | null;
  decision: Decision | null;
  readonly reports: number;
  readonly fetchedAt: string;
  readonly contentHash: string;
}

export interface QueuePage {
  readonly items: QueueItem[];
  readonly nextCursor: string | null;
}

/** The queue's filters as the form holds them; empty strings mean "any". */
export interface Filters {
  readonly flagged: '' | 'true' | 'false';
  readonly category: string;
  readonly decision: '' | Decision | 'none';
  readonly site: string;
  readonly q: string;
  readonly minScore: string;
}

export interface Evidence {
  readonly field: TextField;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly reason: string;
}

export interface VerdictRecord {
  readonly contentHash: string;
  readonly modelVersion: string;
  readonly flagged: boolean;
  readonly category: string | null;
  readonly score: number;
  readonly evidence: Evidence[];
  readonly createdAt: string;
}

export interface ListingDetail {
  readonly id: number;
  readonly site: string;
  readonly url: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly price: string | null;
  readonly seller: string | null;
  readonly images: string[];
  readonly fetchedAt: string;
  readonly contentHash: string;
  readonly masked: boolean;
  readonly verdict: { readonly flagged: boolean; readonly score: number; readonly category: string | null };
  readonly decision: Decision | null;
  readonly verdicts: VerdictRecord[];
  readonly history: { contentHash: string; title: string | null; fetchedAt: string }[];
  readonly reports: { id: string; reporter: string; note: string | null; suspectedCategory: string | null; status: string; createdAt: string }[];
  readonly decisions: { decision: Decision; note: string | null; by: string; at: string }[];
}

export interface BulkResult {
  readonly decided: number[];
  readonly missing: number[];
}
