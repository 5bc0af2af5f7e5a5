import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import { BRIDGE_LISTINGS } from '../test/helpers/bridge-listings.js';

const together = (clusters: ReturnType<typeof linkListings>['clusters'], a: string, b: string) =>
  clusters.some((c) => c.listingIds.includes(a) && c.listingIds.includes(b));

describe('linkListings when one line is on several sellers’ ads (a bridge)', () => {
  const { clusters } = linkListings(BRIDGE_LISTINGS);

  it('does not chain three sellers through a number each gives beside a different WeChat id', () => {
    expect(together(clusters, 'b1', 'b2')).toBe(false);
    expect(together(clusters, 'b2', 'b3')).toBe(false);
    expect(together(clusters, 'b1', 'b3')).toBe(false);
  });

  it('still links each seller by its own id, and refuses a copied ad across two ids', () => {
    expect(together(clusters, 'b1', 'b4')).toBe(true);
    expect(together(clusters, 'b1', 'b5')).toBe(true);
    expect(together(clusters, 'b2', 'b5')).toBe(false);
  });

  it('still links a seller who gives two ids beside one shared name', () => {
    expect(together(clusters, 'k1', 'k2')).toBe(true);
  });
});
