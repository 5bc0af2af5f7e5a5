import { el, formatTime } from './dom.js';
import { highlightSegments, inTextOrder } from './highlight.js';
import { categoryLabel } from './labels.js';
import { historySections } from './listing-history.js';
import { sameSellerSection, snapshotsSection, type ListingSellerHandlers } from './listing-seller.js';
import { safeHttpUrl } from './safe-url.js';
import type { Claim, Decision, Evidence, ListingDetail, TextField } from './types.js';

export interface ListingHandlers extends ListingSellerHandlers {
  /** Re-fetch the listing masked or unmasked (the server logs every unmask). */
  toggleMask(): void;
  decide(decision: Decision): void;
}

export const DECISION_BUTTONS: readonly [Decision, string, string][] = [
  ['confirmed', 'Confirm', 'c'],
  ['dismissed', 'Dismiss', 'd'],
  ['escalated', 'Escalate', 'e'],
];

/** The evidence of the verdict on the text shown: offsets of a verdict on an older version would point at other words. */
function currentEvidence(listing: ListingDetail): Evidence[] {
  const verdict = listing.verdicts.find((v) => v.contentHash === listing.contentHash) ?? listing.verdicts[0];
  return verdict?.evidence ?? [];
}

/** A field's text with its evidence spans as <mark> elements whose title gives the reason. */
function highlighted<K extends 'h3' | 'p' | 'span'>(tag: K, text: string | null, field: TextField, evidence: readonly Evidence[], className: string) {
  const node = el(tag, { className });
  const spans = evidence.filter((e) => e.field === field);
  for (const segment of highlightSegments(text ?? '', spans)) {
    node.append(segment.reasons.length ? el('mark', { text: segment.text, attrs: { title: segment.reasons.join('; ') } }) : segment.text);
  }
  return node;
}

function originalLink(url: string): Node {
  const href = safeHttpUrl(url);
  if (!href) return el('span', { text: `${url} (not an http(s) address, so not a link)` });
  return el('a', { text: url, attrs: { href, rel: 'noopener noreferrer nofollow', target: '_blank' } });
}

function meta(listing: ListingDetail, evidence: readonly Evidence[]): HTMLElement {
  const row = (term: string, value: Node | string) => [el('dt', { text: term }), el('dd', {}, value)];
  const { verdict } = listing;
  return el(
    'dl',
    { className: 'meta' },
    ...row('Score', `${verdict.score.toFixed(2)}${verdict.flagged ? ' (flagged)' : verdict.review ? ' (needs review)' : ''}`),
    ...row('Category', categoryLabel(verdict.category)),
    ...row('Decision', listing.decision ?? 'undecided'),
    ...row('Price', highlighted('span', listing.price, 'price', evidence, 'price')),
    ...row('Seller', listing.seller ?? '—'),
    ...row('Site', listing.site),
    ...row('Original', originalLink(listing.url)),
    // "live" or "taken down after 3 d 4 h" (watched sites); how it was seen gone, on hover.
    ...row('Status', el('span', { text: listing.availability, attrs: listing.takedown?.reason ? { title: listing.takedown.reason } : {} })),
    ...row('Fetched', formatTime(listing.fetchedAt)),
    ...row('Content hash', el('code', { text: listing.contentHash })),
    // Images are face photos of victims: never shown, only counted.
    ...row('Images', `${listing.images.length} (not shown)`),
  );
}

function evidenceList(evidence: readonly Evidence[]): HTMLElement[] {
  if (evidence.length === 0) return [el('h4', { text: 'Evidence' }), el('p', { className: 'hint', text: 'No evidence spans.' })];
  const items = inTextOrder(evidence).map((e) => el('li', {}, `${e.field}: `, el('mark', { text: e.text, attrs: { title: e.reason } }), ` — ${e.reason}`));
  return [el('h4', { text: 'Evidence' }), el('ul', { className: 'evidence' }, ...items)];
}

function maskControls(listing: ListingDetail, handlers: ListingHandlers): HTMLElement {
  const button = el('button', { text: listing.masked ? 'Unmask' : 'Mask again', attrs: { type: 'button' } });
  button.addEventListener('click', () => handlers.toggleMask());
  const note = listing.masked
    ? el('span', { className: 'masked-note hint', text: 'ID, phone and card numbers and contact handles are masked.' })
    : el('span', { className: 'unmasked-note', text: 'Unmasked: numbers and handles shown in full. This view was logged.' });
  return el('p', {}, note, ' ', button);
}

/**
 * The decision bar: last in the listing view and sticky at the bottom of its pane (review.css), so the
 * buttons stay in reach however far down the description or the history the investigator has read.
 */
function decisionControls(handlers: ListingHandlers): HTMLElement {
  const buttons = DECISION_BUTTONS.map(([decision, label, key]) => {
    const button = el('button', { className: `decide-${decision}`, text: label, attrs: { type: 'button', 'aria-keyshortcuts': key } });
    button.addEventListener('click', () => handlers.decide(decision));
    return button;
  });
  return el(
    'div',
    { className: 'decide', attrs: { role: 'group', 'aria-label': 'Decide this listing' } },
    el('label', { text: 'Note (optional)', attrs: { for: 'decision-note' } }),
    el('textarea', { attrs: { id: 'decision-note', maxlength: '2000', rows: '1' } }),
    el('div', { className: 'decide-buttons' }, ...buttons),
  );
}

/** Says another investigator has this listing open; reading and deciding stay possible. */
function claimNote(claim: Claim | null): HTMLElement | null {
  if (!claim) return null;
  const until = new Date(claim.until);
  const time = Number.isNaN(until.getTime()) ? claim.until : until.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return el('p', { className: 'claim-note', attrs: { role: 'note' } }, `Open by ${claim.by} (until ${time}): they may be deciding it now.`);
}

/** The note typed for the open listing's decision ('' when none). */
export function decisionNote(): string {
  const note = document.getElementById('decision-note');
  return note instanceof HTMLTextAreaElement ? note.value.trim() : '';
}

/** Shows a listing; `claimedBy` is another investigator's claim on it, if any. */
export function renderListing(container: HTMLElement, listing: ListingDetail, handlers: ListingHandlers, claimedBy: Claim | null = null): void {
  const evidence = currentEvidence(listing);
  container.replaceChildren(
    ...[claimNote(claimedBy)].filter((n) => n !== null),
    highlighted('h3', listing.title || '(no title)', 'title', listing.title ? evidence : [], 'title'),
    maskControls(listing, handlers),
    meta(listing, evidence),
    el('h4', { text: 'Description' }),
    highlighted('p', listing.description, 'description', evidence, 'description'),
    ...evidenceList(evidence),
    ...sameSellerSection(listing, handlers),
    ...snapshotsSection(listing, handlers),
    ...historySections(listing),
    decisionControls(handlers),
  );
}
