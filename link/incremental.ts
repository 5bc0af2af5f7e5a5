import { extractHandles } from './contact-handles.js';
import { linkKey } from './handle-rules.js';
import { LINK_DEFAULTS, sellerName } from './link-listings.js';
import { conflicting } from './link-order.js';
import { bandKeys, sharedCount, signature } from './minhash.js';
import { NEAR_DUPLICATE_DEFAULTS, type NearDuplicateOptions } from './near-duplicates.js';
import { listingShingles } from './shingles.js';
import type { ContactHandle, LinkListing } from './types.js';

/**
 * What the store keeps of a listing to link the next ones to it one at a time (store/sellers.ts), the
 * same tests as `linkListings` applies to a whole file:
 *  - a handle links while it is on listings of at most `hubCap` sellers (HUB_RULE);
 *  - near-duplicates: MinHash band keys find candidates, then Jaccard over the shingles both have that
 *    at most max(dfFloor, dfShare × sellers) sellers wrote (counted as listings arrive), at least
 *    `minShared` of them; never between two listings naming different contacts of one kind.
 * Band keys here come from the shingles less the fixed boilerplate (the seller-frequency cut changes as
 * listings arrive, and a listing's bands are written once); the exact test then applies the cut.
 * The batch linker's other two rules, same-account relists (same-seller.ts) and the veto of text links
 * between clusters whose handles conflict (link-order.ts clusterVeto), need the seller names and
 * cluster handles the store holds: the store applies them (store/seller-clusters.ts).
 */
export interface LinkFeatures {
  readonly handles: readonly ContactHandle[];
  /** Distinct link keys (linkKey) of the handles. */
  readonly linkKeys: readonly string[];
  /** The seller as the marketplace shows it (site + name), for the hub rule. */
  readonly sellerName: string;
  /** Sorted shingle hashes, as signed 32-bit integers (both databases store them as INTEGER). */
  readonly shingles: Int32Array;
  /** One MinHash band key per band, signed 32-bit. */
  readonly bands: readonly number[];
}

/** The hub rule, said once for the docs, the CLI help and the API. */
export const HUB_RULE =
  `a contact handle links listings only while it appears on listings of at most ${LINK_DEFAULTS.hubCap} different sellers (site + seller name); ` +
  `the listing that brings it to ${LINK_DEFAULTS.hubCap + 1} makes it generic (a platform hotline, a shared agent, a template number): ` +
  'its links are dropped and the clusters it joined are rebuilt from their other links';

/**
 * What linking reads of a listing's text, apart from its seller: the costly part (handle extraction,
 * shingles, MinHash), which depends on no stored state. A crawl worker computes it on its main thread,
 * beside the parse, and sends it to its store thread (pipeline/store-thread.ts), so the thread that
 * holds the store's one writer only reads and writes it.
 */
export type TextFeatures = Omit<LinkFeatures, 'sellerName'>;

export function textFeatures(listing: Omit<LinkListing, 'id'>): TextFeatures {
  const handles = extractHandles({ ...listing, id: '' });
  const shingles = listingShingles(
    listing.title ?? '',
    listing.description ?? '',
    handles.map((h) => h.key.slice(h.key.indexOf(':') + 1)),
  );
  const signed = Int32Array.from(shingles, (s) => s | 0).sort();
  return {
    handles,
    linkKeys: [...new Set(handles.map(linkKey))],
    shingles: signed,
    bands: shingles.length === 0 ? [] : bandKeys(signature(shingles)).map((k) => k | 0),
  };
}

/**
 * `fallbackSeller`: an id naming the seller of a listing without a seller name (it is then its own
 * seller). `text`: its textFeatures when already computed (elsewhere, from the same fields).
 */
export function linkFeatures(listing: LinkListing, fallbackSeller: string, text: TextFeatures = textFeatures(listing)): LinkFeatures {
  // NUL (the batch linker's separator) is the one character PostgreSQL text cannot hold.
  return { ...text, sellerName: sellerName(listing, fallbackSeller).replace('\u0000', '\u001f') };
}

/** The seller a listing's shingles count for in the frequency cut: its first live handle, else its seller name. */
export function frequencySeller(f: LinkFeatures, hubs: ReadonlySet<string>): string {
  return f.linkKeys.find((k) => !hubs.has(k)) ?? f.sellerName;
}

export interface TextSide {
  readonly shingles: Int32Array;
  /** Its handles that still link (hubs left out). */
  readonly handles: readonly ContactHandle[];
}

/**
 * Whether two listings are near-duplicates: `common(s)` says a shingle is boilerplate by the seller
 * count. Null when they are not (or name different contacts of one kind).
 */
export function nearDuplicate(
  a: TextSide,
  b: TextSide,
  common: (shingle: number) => boolean,
  opts: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS,
): { jaccard: number; shared: number } | null {
  if (conflicting(a.handles, b.handles)) return null;
  return nearDuplicateKept(keptShingles(a.shingles, common), keptShingles(b.shingles, common), opts);
}

/** A side's shingles less the boilerplate ones, as the pairwise tests compare them: unsigned, sorted. */
export function keptShingles(shingles: Int32Array, common: (shingle: number) => boolean): Uint32Array {
  return Uint32Array.from(
    shingles.filter((s) => !common(s)),
    (s) => s >>> 0,
  ).sort();
}

/**
 * nearDuplicate's text test on shingles already kept (keptShingles), without handles: a caller
 * testing one listing against many keeps its shingles once, not once a pair.
 */
export function nearDuplicateKept(
  keptA: Uint32Array,
  keptB: Uint32Array,
  opts: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS,
): { jaccard: number; shared: number } | null {
  if (keptA.length < opts.minShared || keptB.length < opts.minShared) return null;
  const shared = sharedCount(keptA, keptB);
  const jaccard = shared / (keptA.length + keptB.length - shared);
  return shared >= opts.minShared && jaccard >= opts.minJaccard ? { jaccard: Math.round(jaccard * 1000) / 1000, shared } : null;
}

/** The seller-count threshold above which a shingle is boilerplate, for `sellers` sellers seen so far. */
export const commonCut = (sellers: number, opts: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS) => Math.max(opts.dfFloor, Math.ceil(opts.dfShare * sellers));
