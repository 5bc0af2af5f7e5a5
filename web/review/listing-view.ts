import { el, formatTime } from './dom.js';
import { highlightSegments } from './highlight.js';
import { historySections } from './listing-history.js';
import { safeHttpUrl } from './safe-url.js';
import type { Decision, Evidence, ListingDetail, TextField } from './types.js';

export interface ListingHandlers {
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
    ...row('Category', verdict.category ?? '—'),
    ...row('Decision', listing.decision ?? 'undecided'),
    ...row('Price', highlighted('span', listing.price, 'price', evidence, 'price')),
    ...row('Seller', listing.seller ?? '—'),
    ...row('Site', listing.site),
    ...row('Original', originalLink(listing.url)),
    ...row('Fetched', formatTime(listing.fetchedAt)),
    ...row('Content hash', el('code', { text: listing.contentHash })),
    // Images are face photos of victims: never shown, only counted.
    ...row('Images', `${listing.images.length} (not shown)`),
  );
}

function evidenceList(evidence: readonly Evidence[]): HTMLElement[] {
  if (evidence.length === 0) return [el('h4', { text: 'Evidence' }), el('p', { className: 'hint', text: 'No evidence spans.' })];
  const items = evidence.map((e) => el('li', {}, `${e.field}: `, el('mark', { text: e.text, attrs: { title: e.reason } }), ` — ${e.reason}`));
  return [el('h4', { text: 'Evidence' }), el('ul', { className: 'evidence' }, ...items)];
}

function maskControls(listing: ListingDetail, handlers: ListingHandlers): HTMLElement {
  const button = el('button', { text: listing.masked ? 'Unmask' : 'Mask again', attrs: { type: 'button' } });
  button.addEventListener('click', () => handlers.toggleMask());
  const note = listing.masked
    ? el('span', { className: 'masked-note hint', text: 'ID, phone and card numbers are masked.' })
    : el('span', { className: 'unmasked-note', text: 'Unmasked: numbers shown in full. This view was logged.' });
  return el('p', {}, note, ' ', button);
}

function decisionControls(handlers: ListingHandlers): HTMLElement {
  const buttons = DECISION_BUTTONS.map(([decision, label, key]) => {
    const button = el('button', { text: label, attrs: { type: 'button', 'aria-keyshortcuts': key } });
    button.addEventListener('click', () => handlers.decide(decision));
    return button;
  });
  return el(
    'div',
    { className: 'decide', attrs: { role: 'group', 'aria-label': 'Decide this listing' } },
    el('label', { text: 'Note (optional)', attrs: { for: 'decision-note' } }),
    el('textarea', { attrs: { id: 'decision-note', maxlength: '2000' } }),
    ...buttons,
  );
}

/** The note typed for the open listing's decision ('' when none). */
export function decisionNote(): string {
  const note = document.getElementById('decision-note');
  return note instanceof HTMLTextAreaElement ? note.value.trim() : '';
}

export function renderListing(container: HTMLElement, listing: ListingDetail, handlers: ListingHandlers): void {
  const evidence = currentEvidence(listing);
  container.replaceChildren(
    highlighted('h3', listing.title || '(no title)', 'title', listing.title ? evidence : [], 'title'),
    maskControls(listing, handlers),
    meta(listing, evidence),
    el('h4', { text: 'Description' }),
    highlighted('p', listing.description, 'description', evidence, 'description'),
    ...evidenceList(evidence),
    el('h4', { text: 'Decision' }),
    decisionControls(handlers),
    ...historySections(listing),
  );
}
