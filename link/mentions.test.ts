import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { linkListings } from './link-listings.js';
import { idWords, mentionPairs } from './mentions.js';
import type { LinkListing } from './types.js';

// Invented listings: one gives its WeChat with a cue, the other names the same id in passing.
const ad = (id: string, description: string, seller = `s-${id}`): LinkListing => ({ id, title: '', description, seller, site: 'bazaar' });
const declares = ad('a', '旧相机镜头收购，微信：otter_lens77');
const mentions = ad('b', 'Vintage lens buyer, ping otter_lens77 for a quote');
const pairs = (listings: LinkListing[]) =>
  mentionPairs(
    listings.map((l) => idWords(l)),
    listings.map((l) => extractHandles(l)),
  );

describe('mentions', () => {
  it("links a listing writing another's declared id without a cue, and says so", () => {
    expect(pairs([declares, mentions])).toEqual([{ a: 1, b: 0, handle: 'wechat:otter_lens77' }]);
    const { clusters } = linkListings([declares, mentions]);
    expect(clusters[0]!.listingIds).toEqual(['a', 'b']);
    expect(clusters[0]!.reasons).toEqual([{ by: 'mention', listingIds: ['b', 'a'], handle: 'wechat:otter_lens77' }]);
  });

  it('ignores id-shaped words nobody declares, plain words, and warnings quoting an id', () => {
    const base = [declares, ad('c', 'vx: pinecone')];
    expect(pairs([...base, ad('d', 'model rx_100m7 lens, otter_lens78')])).toEqual([]);
    expect(pairs([...base, ad('e', 'pinecone lamps for sale')])).toEqual([]);
    expect(pairs([...base, ad('f', '避雷 otter_lens77 收钱不发货')])).toEqual([]);
  });

  it('links an id mentioned in a disguise, as told in two halves', () => {
    const halves = ad('h', 'Lens buyer. My chat name comes in two halves: first half otter_lens, second half 77.');
    expect(pairs([declares, halves])).toEqual([{ a: 1, b: 0, handle: 'wechat:otter_lens77' }]);
  });

  it('does not link by an id the listing names as an impostor ("x 係冒充我", "x is NOT me")', () => {
    const impostor = ad('i', 'tg 上面個 otter_lens77 係冒充我，唔好俾錢佢');
    const english = ad('j', 'lens buyer here. the otter_lens77 account is NOT me');
    expect(pairs([declares, impostor])).toEqual([]);
    expect(pairs([declares, english])).toEqual([]);
    // The same mention without the words that set it apart still links.
    expect(pairs([declares, ad('k', 'tg 上面搵 otter_lens77')])).toEqual([{ a: 1, b: 0, handle: 'wechat:otter_lens77' }]);
  });

  it('does not link a listing that gives its own contact of the same kind ("cheaper than otter_lens77")', () => {
    const rival = ad('g', 'cheaper than otter_lens77, 微信 heron_cam21');
    expect(linkListings([declares, rival]).clusters.every((c) => c.listingIds.length === 1)).toBe(true);
  });
});
