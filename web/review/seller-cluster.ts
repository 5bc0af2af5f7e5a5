import { clusterActions, type ClusterActionHandlers } from './cluster-actions.js';
import { el, formatTime } from './dom.js';
import { categoryLabel } from './labels.js';
import { linkReason } from './listing-seller.js';
import type { SellerClusterDetail } from './types.js';

// One seller cluster opened in the Sellers view: what it is, its listings (each opens in the listing
// view), its contact handles and the links that made it, then the actions on all of it. Listing text
// arrives masked and handles masked unless unmasked (the server logs that); all of it goes in as text.

export interface ClusterHandlers extends ClusterActionHandlers {
  back(): void;
  openListing(id: number): void;
  /** Fetches the cluster again masked or unmasked (the server logs every unmask). */
  toggleMask(): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function facts(c: SellerClusterDetail): HTMLElement {
  const row = (term: string, value: string) => [el('dt', { text: term }), el('dd', { text: value })];
  return el(
    'dl',
    { className: 'meta' },
    ...row('Sites', c.sites.join(', ')),
    ...row('Flagged', `${c.flagged} of ${c.size}`),
    ...row('Categories', c.categories.map(categoryLabel).join(', ') || '—'),
    ...row('First seen', formatTime(c.firstSeen)),
    ...row('Last seen', formatTime(c.lastSeen)),
  );
}

function listingItems(c: SellerClusterDetail, handlers: ClusterHandlers): HTMLElement[] {
  return c.listings.map((l) => {
    const open = el('button', { className: 'row-title', text: l.title || `(no title) listing ${l.id}`, attrs: { type: 'button' } });
    open.addEventListener('click', () => handlers.openListing(l.id));
    const particulars = [
      l.site,
      l.seller,
      l.price,
      `score ${l.score.toFixed(2)}`,
      categoryLabel(l.category),
      l.decision ?? 'undecided',
      plural(l.snapshots.length, 'snapshot'),
    ];
    return el('li', { attrs: { 'data-id': String(l.id) } }, open, el('span', { className: 'particulars', text: particulars.filter((p) => p).join(' · ') }));
  });
}

function handleItems(c: SellerClusterDetail): HTMLElement[] {
  return c.handles.map((h) =>
    el(
      'li',
      {},
      el('code', { text: h.key }),
      ` · in listings ${h.listingIds.join(', ')}`,
      // A hotline or shared agent's handle is shown but joins nobody (server/link: the hub rule).
      h.generic ? el('span', { className: 'hint', text: ' · generic: on too many sellers to link anyone' }) : null,
    ),
  );
}

function maskControls(c: SellerClusterDetail, handlers: ClusterHandlers): HTMLElement {
  const button = el('button', { text: c.masked ? 'Unmask handles' : 'Mask again', attrs: { type: 'button' } });
  button.addEventListener('click', () => handlers.toggleMask());
  const note = c.masked
    ? el('span', { className: 'masked-note hint', text: 'Contact handles are masked.' })
    : el('span', { className: 'unmasked-note', text: 'Unmasked: handles shown in full. This view was logged.' });
  return el('p', {}, note, ' ', button);
}

export function renderCluster(container: HTMLElement, c: SellerClusterDetail, handlers: ClusterHandlers): void {
  const back = el('button', { text: '← All sellers', attrs: { type: 'button' } });
  back.addEventListener('click', () => handlers.back());
  container.replaceChildren(
    back,
    el('h3', { text: `Seller ${c.id}: ${plural(c.size, 'listing')} on ${plural(c.sites.length, 'site')}` }),
    facts(c),
    maskControls(c, handlers),
    el('h4', { text: `Listings (${c.listings.length})` }),
    el('ul', { className: 'cluster-listings' }, ...listingItems(c, handlers)),
    el('h4', { text: `Contact handles (${c.handles.length})` }),
    c.handles.length ? el('ul', { className: 'cluster-handles' }, ...handleItems(c)) : el('p', { className: 'hint', text: 'None: linked by text alone.' }),
    el('h4', { text: `Why one seller (${plural(c.links.length, 'link')})` }),
    el('ul', { className: 'seller-why' }, ...c.links.map(linkReason)),
    clusterActions(c, handlers),
  );
}
