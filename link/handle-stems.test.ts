import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { handleStems } from './handle-stems.js';
import { linkListings } from './link-listings.js';
import type { LinkListing } from './types.js';

const stems = (description: string) => handleStems(extractHandles({ id: 'x', description }));

describe('handleStems', () => {
  it("takes an id's or mailbox name's first piece of 6+ letters", () => {
    expect(stems('tg: marlow_cams')).toEqual(['marlow']);
    expect(stems('mail marlow.tools@post.example')).toEqual(['marlow']);
  });

  it('gives none for short or trade pieces, role mailboxes, ids in one piece, and phones', () => {
    expect(stems('tg: ann_cams')).toEqual([]);
    expect(stems('微信 renlian_cang')).toEqual([]);
    expect(stems('mail sales.team@post.example')).toEqual([]);
    expect(stems('tg: marlowcams')).toEqual([]);
    expect(stems('WA +44 7700 900123')).toEqual([]);
  });
});

describe('stem links (kin-links.ts brand rule)', () => {
  // Invented: one seller's mail on one site, its Telegram name on another, the ad reworded (J ≈ 0.2).
  const ad = (id: string, site: string, seller: string, description: string): LinkListing => ({ id, site, seller, title: '', description });
  const mail = ad('m', 'forum', 'Marlow', 'Virtual camera and face swap plugin, passes bank app liveness checks, setup taught. mail marlow.tools@post.example');
  const tg = ad('t', 'board', 'cam lab', 'Virtual camera with face swap plugin, passes the bank app liveness checks, remote setup. tg marlow_cams');
  const together = (listings: LinkListing[]) => linkListings(listings).clusters.some((c) => c.listingIds.length === 2);

  it('links two contacts of one stem when the text is alike', () => {
    const [cluster] = linkListings([mail, tg]).clusters;
    expect(cluster!.listingIds).toEqual(['m', 't']);
    expect(cluster!.reasons).toMatchObject([{ by: 'brand', name: 'handle:marlow' }]);
  });

  it('does not link by the stem alone, nor two ids of one app that share it', () => {
    expect(together([mail, ad('t', 'board', 'cam lab', 'Handmade leather wallets, stitched to order. tg marlow_cams')])).toBe(false);
    const copy = ad('c', 'forum', 'cam lab', mail.description!.replace('mail marlow.tools@post.example', 'tg marlow_cams1'));
    expect(together([copy, tg])).toBe(false);
  });

  it('asks more text of a stem than of a display-name brand (6 shared, not 4)', () => {
    // 4 distinctive bigrams shared, J 0.2: a display-name brand's test (4, 0.1) passes, a stem's does not.
    const fewer = 'Face swap plugin with a virtual camera for bank app checks, ask for a demo.';
    expect(together([mail, ad('t', 'board', 'cam lab', `${fewer} tg marlow_cams`)])).toBe(false);
  });

  it('does not link them either when the seller name is that other id too (the alias must not hide the contact)', () => {
    const copy = ad('c', 'forum', 'marlow_cams1', mail.description!.replace('mail marlow.tools@post.example', 'tg same as my username'));
    expect(together([copy, tg])).toBe(false);
  });
});
