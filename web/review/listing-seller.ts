import { el, formatTime } from './dom.js';
import type { ListingDetail, SellerLink, Snapshot } from './types.js';

// The listing view's issue-14 sections: the seller cluster the listing belongs to, with why, and the
// evidence snapshots kept of it. Every string is set as text (handles come masked unless unmasked).

export interface ListingSellerHandlers {
  /** Shows the listing's seller cluster in the Sellers view. */
  openCluster(id: number): void;
  /** Opens a snapshot in a new tab as inert text. */
  openSnapshot(id: number): void;
}

/** One link's reason, e.g. "same contact handle wechat:f****8 = wechat:f*****8 in listings 3 and 4". */
export const linkReason = (link: SellerLink): HTMLElement => el('li', { className: `link-${link.via}`, text: link.why });

/** "same seller: N listings on M sites" with the links that join this listing to the others. */
export function sameSellerSection(listing: ListingDetail, handlers: ListingSellerHandlers): HTMLElement[] {
  const heading = el('h4', { text: 'Same seller' });
  const same = listing.sameSeller;
  if (!same) return [heading, el('p', { className: 'hint', text: 'No other listing of this seller is known.' })];
  const open = el('button', { text: 'Open this seller', attrs: { type: 'button' } });
  open.addEventListener('click', () => handlers.openCluster(same.clusterId));
  return [
    heading,
    el('p', { className: 'same-seller' }, el('strong', { text: same.summary }), ` (${same.siteNames.join(', ')}) `, open),
    el('p', { className: 'hint', text: 'Why:' }),
    el('ul', { className: 'seller-why' }, ...same.why.map(linkReason)),
  ];
}

function snapshotItem(s: Snapshot, handlers: ListingSellerHandlers): HTMLElement {
  const open = el('button', { text: 'Open as text', attrs: { type: 'button', 'aria-label': `Open snapshot ${s.id} as text (logged)` } });
  open.addEventListener('click', () => handlers.openSnapshot(s.id));
  return el(
    'li',
    { attrs: { 'data-snapshot': String(s.id) } },
    `${formatTime(s.fetchedAt)} · ${s.reason} · ${s.bytes} bytes · SHA-256 `,
    el('code', { text: s.sha256 }),
    ' ',
    open,
  );
}

/** The WARC snapshots kept of the listing: what it looked like when flagged or reported, even once taken down. */
export function snapshotsSection(listing: ListingDetail, handlers: ListingSellerHandlers): HTMLElement[] {
  const heading = el('h4', { text: `Evidence snapshots (${listing.snapshots.length})` });
  if (listing.snapshots.length === 0) return [heading, el('p', { className: 'hint', text: 'No snapshot kept.' })];
  return [
    heading,
    el('ol', { className: 'history snapshots' }, ...listing.snapshots.map((s) => snapshotItem(s, handlers))),
    el('p', { className: 'hint', text: 'A snapshot opens as plain text in a new tab; each read is logged.' }),
  ];
}
