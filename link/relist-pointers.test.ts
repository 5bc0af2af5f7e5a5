import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import { pointsToOwnAd } from './relist-pointers.js';
import type { LinkListing } from './types.js';

describe('pointsToOwnAd', () => {
  it.each([
    'Same stock, contact as in my other ad.',
    '价格同上，联系方式同上一帖',
    '聯絡方法喺上一篇',
    'Liên hệ như bài trước nhé',
    'kontak sama kayak lapak sebelumnya',
    '연락처는 이전 글 참고',
  ])('%s points to the account’s other ad', (s) => expect(pointsToOwnAd('', s)).toBe(true));

  it.each(['see my profile', '上一篇文章讲了怎么拍', 'other ads are fakes', 'DM for price'])('%s does not', (s) => expect(pointsToOwnAd('', s)).toBe(false));
});

describe('account links of a listing pointing to its other ad (kin-links.ts)', () => {
  // Invented: an account's ad with its number, linked by that number to another site's; its relist,
  // reworded in other words, shares only two distinctive bigrams with it and says "as in my other ad".
  const ad = (id: string, site: string, seller: string, description: string): LinkListing => ({ id, site, seller, title: '', description });
  const first = ad('a', 'souk', 'Rami Docs', 'Passport scans with selfie and blink video, men and women, for wallet checks. whats +971 55 555 0193');
  const elsewhere = ad('b', 'board', 'rami', 'Scans of passports, selfie holding the passport, blink clip. WhatsApp +971 55 555 0193');
  const together = (listings: LinkListing[]) => linkListings(listings).clusters.find((c) => c.listingIds.includes('r'))!.listingIds.length > 1;

  it('links the relist that says so to its account’s cluster', () => {
    expect(together([first, elsewhere, ad('r', 'souk', 'Rami Docs', 'Scans with blink video, fresh stock. Contact as in my other ad.')])).toBe(true);
  });

  it('does not link the same words without the pointer, nor the pointer under another account', () => {
    expect(together([first, elsewhere, ad('r', 'souk', 'Rami Docs', 'Scans with blink video, fresh stock. Message me.')])).toBe(false);
    expect(together([first, elsewhere, ad('r', 'souk', 'Noor Docs', 'Scans with blink video, fresh stock. Contact as in my other ad.')])).toBe(false);
  });
});
