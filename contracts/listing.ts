/**
 * The listing's shape, once. A listing's own text: what extraction reads from a page, what a
 * moderator sends, what the store keeps in each version, what investigators see (masked).
 * `title`, `description` and `price` are the fields the classifier reads (TEXT_FIELDS, verdict.ts).
 */
export interface ListingText {
  readonly title: string | null;
  readonly description: string | null;
  /** The price as the page wrote it ("US $12.99", "0.5元/张"). */
  readonly price: string | null;
  readonly seller: string | null;
}

/** The price as data (extract/price.ts): a decimal amount, its currency (ISO 4217 where known) and what one price buys. */
export interface ListingPrice {
  readonly priceAmount: string | null;
  readonly currency: string | null;
  readonly priceUnit: string | null;
}

/** Where a stored listing came from and when. */
export interface ListingOrigin {
  readonly site: string;
  readonly url: string;
  readonly fetchedAt: string;
  readonly contentHash: string;
}
