import { el } from './dom.js';
import { categoryLabel } from './labels.js';
import type { QueueItem } from './types.js';

// One row of the queue, dense for triage: the title with a line of particulars under it, then the
// score, the category and the state (decision, or who else has it open) as one-line labels.

/** A claim that still holds by this browser's clock, held by someone other than `me`. */
export function claimedByOther(item: QueueItem, me: string, now = Date.now()): boolean {
  return item.claim !== null && item.claim.by !== me && Date.parse(item.claim.until) > now;
}

/** Price, site, seller and reports, the particulars one glances at under the title. */
function particulars(item: QueueItem): string {
  const reports = item.reports === 0 ? null : `${item.reports} report${item.reports === 1 ? '' : 's'}`;
  return [item.price, item.site, item.seller, reports].filter((p) => p !== null && p !== '').join(' · ');
}

/** The state cell's text: the decision when there is one, else who else has the listing open. */
export function stateCell(cell: HTMLTableCellElement, item: QueueItem, me: string): void {
  const claimed = item.decision === null && claimedByOther(item, me);
  const text = item.decision ?? (claimed ? `open by ${item.claim!.by}` : '');
  const label = el('span', { className: item.decision ? 'label decision' : 'label claim', text });
  // A long token name is cut with an ellipsis by the stylesheet; the tooltip keeps it whole.
  if (text) label.title = text;
  cell.replaceChildren(label);
  cell.closest('tr')?.classList.toggle('claimed', claimed);
}

export interface QueueRow {
  readonly row: HTMLTableRowElement;
  readonly box: HTMLInputElement;
  readonly state: HTMLTableCellElement;
}

export function queueRow(item: QueueItem, me: string): QueueRow {
  const title = item.title || '(no title)';
  const box = el('input', { attrs: { type: 'checkbox', 'aria-label': `Check: ${title}` } });
  const state = el('td', { className: 'state' });
  const row = el(
    'tr',
    { attrs: { 'data-id': String(item.id) } },
    el('td', { className: 'check' }, box),
    el(
      'td',
      { className: 'listing-cell' },
      el('button', { className: 'row-title', text: title, attrs: { type: 'button', title } }),
      el('span', { className: 'particulars', text: particulars(item) }),
    ),
    el(
      'td',
      { className: 'score' },
      el('span', { className: 'label', text: item.score.toFixed(2) }),
      item.review ? el('span', { className: 'band', text: 'needs review' }) : null,
    ),
    el('td', { className: 'category' }, el('span', { className: 'label', text: categoryLabel(item.category) })),
    state,
  );
  row.classList.toggle('decided', item.decision !== null);
  stateCell(state, item, me);
  return { row, box, state };
}
