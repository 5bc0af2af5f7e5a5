import type { Job } from 'bullmq';
import { discoverFromSource, matchKey, type Candidate, type DiscoveryInput } from '../classifier/index.js';
import type { Category, DiscoverJob } from '../contracts/index.js';
import { listingsWithVerdicts, saveSuggestions, type Store, type SuggestionInput } from '../store/index.js';
import type { LiveClassifier } from './live-classifier.js';

export interface DiscoverDeps {
  readonly store: Store;
  readonly classifier: LiveClassifier;
}

/** A candidate as the store keeps it: one row per term, whatever its spelling. */
export const asSuggestion = (c: Candidate): SuggestionInput => ({
  term: c.term,
  matchKey: matchKey(c.term),
  category: c.category,
  score: c.score,
  support: { ...c.support },
  variants: c.variants,
  examples: c.examples,
  why: c.why,
});

/** Stored listings, with the verdicts they were stored with, for discovery (ids are the store's; no reclassification). */
export async function* storedInputs(store: Store, since?: string, onListing?: () => void): AsyncIterable<DiscoveryInput> {
  for await (const { listing, verdict } of listingsWithVerdicts(store, since)) {
    onListing?.();
    yield { listing, verdict: { ...verdict, category: verdict.category as Category | null } };
  }
}

/**
 * Runs discovery over the stored listings and files its candidates as suggestions for investigators
 * (new ones pending; decided ones as their decision says). Words the overlay in force already holds
 * count as known. Returns what was filed.
 */
export async function runDiscovery(deps: DiscoverDeps, options: { sinceDays?: number; top?: number } = {}) {
  const since = options.sinceDays ? new Date(Date.now() - options.sinceDays * 86_400_000).toISOString() : undefined;
  await deps.classifier.refresh();
  const candidates = await discoverFromSource(storedInputs(deps.store, since), deps.classifier.lexicon, {
    top: options.top,
    reviewThreshold: deps.classifier.reviewThreshold,
  });
  return { candidates: candidates.length, ...(await saveSuggestions(deps.store, candidates.map(asSuggestion))) };
}

export const processDiscovery = (job: Job<DiscoverJob>, deps: DiscoverDeps) => runDiscovery(deps, { sinceDays: job.data.sinceDays });
