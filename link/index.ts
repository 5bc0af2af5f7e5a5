// Seller linking (issue 14): off-platform contact handles, near-duplicate text, clusters of listings
// by one seller. Pure: the command (cli/commands/link.ts) does the reading and writing, the store
// (store/sellers.ts) keeps the clusters of stored listings with the incremental half (incremental.ts).
export type { ContactHandle, HandleKind, LinkListing, LinkReason, SellerCluster } from './types.js';
export { extractHandles } from './contact-handles.js';
export { linkListings, LINK_DEFAULTS, siteOf, type LinkOptions, type LinkResult } from './link-listings.js';
export { bridgeKeys, clusterVeto, conflicting, linkInOrder, type OrderedLinks, type TextLink } from './link-order.js';
export { sameSellerPairs } from './same-seller.js';
export { parseLinkLine, type ParsedLinkLine } from './parse-line.js';
export { pairwiseFigures, type PairwiseFigures } from './evaluate.js';
export {
  commonCut,
  frequencySeller,
  HUB_RULE,
  keptShingles,
  linkFeatures,
  nearDuplicate,
  nearDuplicateKept,
  textFeatures,
  type LinkFeatures,
  type TextFeatures,
  type TextSide,
} from './incremental.js';
export { maskHandleKey, maskHandleList } from './mask-handle.js';
export { UnionFind } from './union-find.js';
export { sharedCount } from './minhash.js';
export { linkKey } from './handle-rules.js';
