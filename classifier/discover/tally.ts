import { ALIGNED, ANY_SLOT, BOUNDED, IN_TITLE, QUOTED, WORD } from './field-units.js';
import { SLOT_KINDS, type ListingReading } from './read-listing.js';
import type { UnitKind } from './units.js';

/** How many listing indices a tally keeps (most offer-like first at the end): examples and the union of a group. */
const MAX_EXAMPLES = 24;
/** Past this many tallies, the ones seen in a single offer-like listing are dropped (lossy counting keeps memory bounded). */
const MAX_TALLIES = 400_000;

/** What discovery counts for one unit across the listings. */
export class Tally {
  /** Offer-like listings (weight > 0) it appears in. */
  listings = 0;
  /** Sum of those listings' weights: its mass in the offer class. */
  weight = 0;
  /** Its mass in the benign class: 1 per benign listing without an offer, 1 − weight per offer-like benign one. */
  negative = 0;
  flagged = 0;
  review = 0;
  benign = 0;
  /** Benign-verdict listings with an offer's structure and no known term. */
  offerLike = 0;
  /** Offer-like listings where it stood in each slot (SLOT_KINDS order), and in any. */
  readonly slots = [0, 0, 0, 0, 0, 0];
  slotted = 0;
  title = 0;
  /** Offer-like listings it appears in that have a title at all (comments and replies have none). */
  titled = 0;
  quoted = 0;
  /** Listings where jieba cut it as a word. */
  word = 0;
  /** Listings where jieba cut the text at both its ends (see units.ts Unit.aligned). */
  aligned = 0;
  /** Listings where it stood as a word of its own (see field-units.ts isBounded). */
  bounded = 0;
  /** Category votes of its listings, weighted by how offer-like they are. */
  readonly votes = [0, 0, 0, 0];
  /** Indices of offer-like listings it appears in (at most MAX_EXAMPLES). */
  readonly examples: number[] = [];
  /** The last listing counted (a listing counts once). */
  last = -1;

  constructor(
    readonly key: string,
    readonly kind: UnitKind,
  ) {}
}

export class TallyBook {
  readonly byKey = new Map<string, Tally>();
  /** Totals over every listing: class masses and counts. */
  positiveMass = 0;
  negativeMass = 0;
  listings = 0;
  offerListings = 0;
  benignListings = 0;

  /** Counts a listing's class mass (every listing, once). */
  countListing(reading: ListingReading): void {
    this.listings++;
    this.positiveMass += reading.weight;
    if (reading.verdict === 'benign') {
      this.negativeMass += 1 - reading.weight;
      this.benignListings++;
    }
    if (reading.weight > 0) this.offerListings++;
  }

  /** An offer-like listing's units, each with the OR of its occurrences' flags; `titled`: the listing has a title. */
  addOffer(index: number, reading: ListingReading, units: ReadonlyMap<string, { kind: UnitKind; flags: number }>, titled: boolean): void {
    for (const [key, { kind, flags }] of units) {
      let t = this.byKey.get(key);
      if (t === undefined) this.byKey.set(key, (t = new Tally(key, kind)));
      t.last = index;
      t.listings++;
      t.weight += reading.weight;
      t[reading.verdict]++;
      if (reading.verdict === 'benign') {
        t.negative += 1 - reading.weight;
        t.offerLike++;
      }
      for (let s = 0; s < SLOT_KINDS.length; s++) if (flags & (1 << s)) t.slots[s]!++;
      if (flags & ANY_SLOT) t.slotted++;
      if (flags & IN_TITLE) t.title++;
      if (titled) t.titled++;
      if (flags & QUOTED) t.quoted++;
      if (flags & WORD) t.word++;
      if (flags & BOUNDED) t.bounded++;
      if (flags & ALIGNED) t.aligned++;
      for (let c = 0; c < 4; c++) t.votes[c]! += reading.weight * reading.votes[c]!;
      if (t.examples.length < MAX_EXAMPLES) t.examples.push(index);
    }
    if (this.byKey.size > MAX_TALLIES) this.prune(2);
  }

  /** A benign listing with no offer: each unit already tallied counts once in the benign class. */
  addBenign(index: number, key: string): void {
    const t = this.byKey.get(key);
    if (t === undefined || t.last === index) return;
    t.last = index;
    t.benign++;
    t.negative += 1;
  }

  /** Drops tallies seen in fewer than `min` offer-like listings. */
  prune(min: number): void {
    for (const [key, t] of this.byKey) if (t.listings < min) this.byKey.delete(key);
  }
}
