import { maskHandleKey } from '../link/index.js';
import { clusterDetail, clusterOfListing, handlesOfListing, type ClusterLink, type Store } from '../store/index.js';

// How seller clusters are shown: handles masked unless the investigator asked (and it was logged), each
// link with its reason in words. Shared by the Sellers routes and the listing detail.

export const shownHandle = (key: string, unmask: boolean) => (unmask ? key : maskHandleKey(key));

export function shownLink(l: ClusterLink, unmask: boolean) {
  const handles = l.handles.map((h) => shownHandle(h, unmask));
  const pair = l.listingIds.join(' and ');
  const why =
    l.via === 'handle'
      ? `same contact handle ${handles.join(' = ')} in listings ${pair}`
      : l.via === 'same-seller'
        ? `reworded relist by the same account on the same site: listings ${pair} share ${l.shared} distinctive word pairs (Jaccard ${l.jaccard})`
        : `near-duplicate text: listings ${pair} share ${l.shared} distinctive word pairs (Jaccard ${l.jaccard})`;
  return { ...l, handles, why };
}

/** A listing's own contact handles as shown. */
export const shownHandlesOf = async (store: Store, listingId: number, unmask: boolean) =>
  (await handlesOfListing(store, listingId)).map((k) => shownHandle(k, unmask));

/** "same seller: N listings on M sites" for a listing's detail, with the links that join it, its own first. */
export async function sameSellerOf(store: Store, listingId: number, unmask: boolean) {
  const clusterId = await clusterOfListing(store, listingId);
  if (clusterId === null) return null;
  const c = await clusterDetail(store, clusterId);
  if (!c || c.size < 2) return null;
  const own = (l: ClusterLink) => (l.listingIds.includes(listingId) ? 0 : 1);
  const why = [...c.links].sort((a, b) => own(a) - own(b)).slice(0, 20);
  return {
    clusterId,
    listings: c.size,
    sites: c.sites.length,
    siteNames: c.sites,
    summary: `same seller: ${c.size} listings on ${c.sites.length} site${c.sites.length === 1 ? '' : 's'}`,
    why: why.map((l) => shownLink(l, unmask)),
  };
}
