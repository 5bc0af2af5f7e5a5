import { describe, expect, it } from 'vitest';
import { linkListings } from './link-listings.js';
import type { LinkListing } from './types.js';

// Invented: one ad text passed round; two sellers post it with Telegram names (the veto keeps them
// apart), a third with a WhatsApp number, which no contact of the others can veto.
const TEXT = 'Akun e-wallet lolos verifikasi wajah, foto dan video wajah asli, garansi ganti, proses cepat.';
const ad = (id: string, seller: string, contact: string): LinkListing => ({
  id,
  site: `site-${id}`,
  seller,
  title: 'Lolos verifikasi wajah',
  description: `${TEXT} ${contact}`,
});
const together = (listings: LinkListing[], a: string, b: string) =>
  linkListings(listings).clusters.some((c) => c.listingIds.includes(a) && c.listingIds.includes(b));

describe('templates (a text posted by sellers whose contacts conflict)', () => {
  const first = ad('a', 'Dompet Aman', 'Tele: @dompet_aman');
  const copycat = ad('b', 'Verif Kilat', 'Tele: @verif_kilat88');
  const third = ad('c', 'Wajah Express', 'WA 0857 4441 2290');

  it('does not join a third contact to either by the shared text', () => {
    expect(together([first, copycat, third], 'a', 'c')).toBe(false);
    expect(together([first, copycat, third], 'b', 'c')).toBe(false);
  });

  it('still links the text when no conflicting copy shows it is a template', () => {
    expect(together([first, third], 'a', 'c')).toBe(true);
  });

  it('still links a relist that gives no contact (to one of the two: they stay apart)', () => {
    const relist = ad('d', 'Dompet Aman', 'Kontak sama kayak lapak sebelumnya.');
    const withRelist = linkListings([first, copycat, relist]).clusters.find((c) => c.listingIds.includes('d'))!;
    expect(withRelist.listingIds).toHaveLength(2);
  });
});
