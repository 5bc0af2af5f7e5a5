import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import type { LinkListing } from './types.js';

// Invented listings. Texts share 4 distinctive bigrams with J ≈ 0.17: alike for one account, far from a
// stranger's near-duplicate (8 shared, J 0.25).
const ad = (id: string, site: string, seller: string, description: string): LinkListing => ({ id, title: '', description, seller, site });
const FULL = 'Complete passport scan bundles with matching utility bill and bank letter, sorted by country. WhatsApp +44 7700 900123';
const SHORT = 'Passport scan bundles sorted by country, fresh stock every week. DM me.';
const OTHER = 'Laminated recipe cards for sourdough baking, set of twelve, ships next day.';

const clusterOf = (listings: LinkListing[], id: string) => linkListings(listings).clusters.find((c) => c.listingIds.includes(id))!;
const together = (listings: LinkListing[], a: string, b: string) => clusterOf(listings, a).listingIds.includes(b);

describe('account links (kin-links.ts)', () => {
  // b and c are one seller by their phone; a is b's account's relist, reworded from c's ad, not from b's.
  const b = ad('b', 'bazaar', 'Pelican Dan', `Old stock clearance, ask for the list. WhatsApp +44 7700 900123`);
  const c = ad('c', 'forum', 'pelly', FULL);
  const a = ad('a', 'bazaar', 'Pelican Dan', SHORT);

  it("links an account's relist alike to any listing of the cluster its account is in", () => {
    const cluster = clusterOf([b, c, a], 'a');
    expect(cluster.listingIds).toEqual(['b', 'c', 'a']);
    expect(cluster.reasons.find((r) => r.by === 'account')).toMatchObject({ listingIds: ['b', 'a'], name: 'pelican dan', alike: ['a', 'c'] });
  });

  it('does not link an account name alone: the same name with unlike text stays apart', () => {
    expect(together([b, c, ad('a', 'bazaar', 'Pelican Dan', OTHER)], 'a', 'b')).toBe(false);
  });

  it('does not link across a contact conflict: the same name giving another phone', () => {
    expect(together([b, c, ad('a', 'bazaar', 'Pelican Dan', `${SHORT} WhatsApp +44 7700 900999`)], 'a', 'b')).toBe(false);
  });
});

describe('brand links (kin-links.ts)', () => {
  const y = ad('y', 'chat', 'QuillMark Kits', FULL);
  const x = ad('x', 'board', 'u/quillmark_sales', SHORT);

  it('links two accounts whose names share a brand stem when their text is alike', () => {
    const cluster = clusterOf([y, x], 'x');
    expect(cluster.listingIds).toEqual(['y', 'x']);
    expect(cluster.reasons[0]).toMatchObject({ by: 'brand', name: 'quillmark', alike: ['y', 'x'], shared: 4 });
  });

  it('does not link alike text without a shared stem, nor a shared stem without alike text', () => {
    expect(together([y, ad('x', 'board', 'u/penwright_sales', SHORT)], 'x', 'y')).toBe(false);
    expect(together([y, ad('x', 'board', 'u/quillmark_sales', OTHER)], 'x', 'y')).toBe(false);
  });

  it('links a name that adds a region or shop word after the brand, written in camel case or spaced', () => {
    const z = ad('z', 'chat', 'Pelly Kits', FULL);
    expect(together([z, ad('x', 'board', 'PellyKitsHK', SHORT)], 'x', 'z')).toBe(true);
    expect(together([z, ad('x', 'board', 'pelly-kits-real', SHORT)], 'x', 'z')).toBe(true);
    // …unless the two give different contacts: a copycat borrows the brand, not the id.
    expect(together([z, ad('x', 'board', 'pelly-kits-real', `${SHORT} WhatsApp +44 7700 900999`)], 'x', 'z')).toBe(false);
  });

  it('does not link by a stem on more accounts than the hub cap', () => {
    const many = Array.from({ length: 8 }, (_, i) => ad(`m${i}`, `site${i}`, `QuillMark ${i}`, i === 0 ? FULL : SHORT));
    expect(linkListings(many).clusters.every((cl) => cl.reasons.every((r) => r.by !== 'brand'))).toBe(true);
  });
});
