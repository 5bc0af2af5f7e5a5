// The only module that talks to the database. Migrations and table types stay internal.
export { databaseUrl, storeLocation, StoreError, type Store } from './open.js';
export { openStore } from './startup.js';
export { saveListing, listingsOfCrawl, type ListingRecord, type ListingWithVerdict, type SaveResult } from './listings.js';
export { recordCrawlFailure, crawlFailures, latestCrawlFailures, type CrawlFailureRow } from './crawl-failures.js';
export { createToken, listTokens, revokeToken, authenticate, ROLES, TokenError, type TokenInfo } from './tokens.js';
export {
  createReport,
  decisionOfListing,
  getReport,
  setReportStatus,
  queuedReportIds,
  reportsByReporterOfUrl,
  verdictOfListing,
  type NewReport,
  type ReportRecord,
} from './reports.js';
export type { Role, ReportStatus } from './schema.js';
export { listListings, listingDetail, recordDecision, audit, auditLog, encodeCursor, decodeCursor, type ListingFilters, type ListingRow } from './review.js';
export type { Decision } from './schema.js';
export { claimListing, liveClaims, releaseClaim, releaseClaims, CLAIM_MINUTES, CLAIM_MS, type Claim, type ClaimAnswer } from './claims.js';
export { listingCounts, reportCounts, type ListingCount } from './stats.js';
export { recordRevisit, revisitState, type RevisitState } from './revisits.js';
export { markTakenDown, takedownsOf, takedownStats, TAKEDOWN_BUCKETS, type TakedownRecord, type TakedownStats } from './takedowns.js';
export { decidedListings } from './decision-labels.js';
export { evidenceOf, type ListingEvidence } from './evidence.js';
export { addReportSite, removeReportSite, reportSiteForUrl, reportSites, syncSitesDir, type ReportSite } from './report-sites.js';
export {
  comesBack,
  currentOverlay,
  decideSuggestion,
  importOverlay,
  listingsByIds,
  listingsWithVerdicts,
  pendingSuggestionCount,
  saveSuggestions,
  suggestion,
  suggestions,
  type Suggestion,
  type SuggestionInput,
} from './lexicon.js';
export { linkStoredListing, type LinkedListing } from './sellers.js';
export {
  clusterDetail,
  clusterOfListing,
  handlesOfListing,
  listClusters,
  type ClusterCursor,
  type ClusterDetail,
  type ClusterLink,
  type ClusterSummary,
} from './seller-views.js';
export { purgeSnapshots, readSnapshot, saveSnapshot, snapshotsOf, type PageCapture, type SnapshotInfo } from './snapshots.js';
