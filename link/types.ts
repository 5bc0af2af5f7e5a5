/** What the linker reads of a listing: the fields a crawl's `--out` line or a report carries. */
export interface LinkListing {
  readonly id: string;
  readonly url?: string | null;
  readonly title?: string | null;
  readonly description?: string | null;
  readonly price?: string | null;
  readonly seller?: string | null;
  /** The marketplace; when missing, the host of `url`. */
  readonly site?: string | null;
}

/** `alias`: an id shown as a seller name or an e-mail's local part (aliases.ts); it links, it never vetoes. */
export type HandleKind = 'wechat' | 'qq' | 'tg' | 'line' | 'kakao' | 'phone' | 'email' | 'url' | 'alias';

/** One off-platform contact, normalized: `key` is `kind:canonical`, the same for every disguise of it. */
export interface ContactHandle {
  readonly kind: HandleKind;
  readonly key: string;
  /** The text it was read from, as folded (for the reasons shown to investigators). */
  readonly raw: string;
}

/** Why two parts of a cluster were joined. */
export type LinkReason =
  | { readonly by: 'handle'; readonly handle: string; readonly listingIds: readonly string[] }
  | { readonly by: 'near-duplicate'; readonly listingIds: readonly [string, string]; readonly jaccard: number; readonly shared: number }
  /** Same site and seller name, and text alike enough for one account's relist (same-seller.ts). */
  | { readonly by: 'same-seller'; readonly listingIds: readonly [string, string]; readonly jaccard: number; readonly shared: number }
  /**
   * The two listings carry one account name (`account`) or one brand stem in their seller names
   * (`brand`), and `alike` (one of them and a listing of the other's cluster) have text alike (kin-links.ts).
   */
  | {
      readonly by: 'account' | 'brand';
      readonly listingIds: readonly [string, string];
      readonly name: string;
      readonly alike: readonly [string, string];
      readonly jaccard: number;
      readonly shared: number;
    }
  /**
   * The first listing's text is somewhat alike to two listings of the second's cluster (`alike`), each
   * below the near-duplicate test: a reworded relist of that seller (cluster-relists.ts).
   */
  | {
      readonly by: 'cluster-relist';
      readonly listingIds: readonly [string, string];
      readonly alike: readonly [string, string];
      readonly jaccard: number;
      readonly shared: number;
    }
  /** The seller name of one listing spells a handle of the other: its domain, or its id in pinyin (name-handles.ts). */
  | { readonly by: 'name-handle'; readonly listingIds: readonly [string, string]; readonly name: string; readonly handle: string }
  /** The first listing writes, without a cue, the id the second gives as its contact (mentions.ts). */
  | { readonly by: 'mention'; readonly listingIds: readonly [string, string]; readonly handle: string };

export interface SellerCluster {
  readonly cluster: string;
  readonly listingIds: readonly string[];
  readonly handles: readonly string[];
  readonly sites: readonly string[];
  readonly reasons: readonly LinkReason[];
}
