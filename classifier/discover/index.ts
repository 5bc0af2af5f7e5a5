// Code-word discovery (issue 13): candidate new jargon from listings and their verdicts, and the
// lexicon overlay that puts approved terms to work. Pure: no store, no network.
export { discoverTerms, discoverFromSource, RELATIVE_MIN_SCORE, DEFAULT_MIN_SUPPORT, DEFAULT_TOP } from './discover.js';
export { listingFields } from './read-listing.js';
export type { Candidate, CandidateSupport, DiscoveryInput, DiscoveryListing, DiscoveryOptions, VerdictSummary } from './types.js';
export { LexiconOverlaySchema, OverlayTermSchema, parseOverlay, overlayVersion, matchKey, OverlayError, OVERLAY_FORMAT } from '../lexicon/overlay.js';
export { readOverlayFile } from '../lexicon/overlay-file.js';
export type { LexiconOverlay, OverlayTerm } from '../lexicon/overlay.js';
