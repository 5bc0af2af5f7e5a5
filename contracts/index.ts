// Schemas and types shared by every part (crawler, queue, server, extension). No I/O here, so the
// extension's bundle can import it.
export * from './verdict.js';
export * from './site-config.js';
export * from './revisit-interval.js';
export * from './jobs.js';
export * from './decision.js';
export * from './http-url.js';
export { FatalError, PermanentError, RetryableError, UserError } from './errors.js';
export * from './people.js';
export type { DecidedListing } from './decided-listing.js';
export { API_ERRORS } from './api-errors.js';
export type { ListingOrigin, ListingPrice, ListingText } from './listing.js';
export * from './takedown.js';
