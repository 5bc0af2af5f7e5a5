import { el } from '../shared/dom.js';
import type { OutboxItem } from '../shared/report.js';
import { describeReport, time } from './describe-report.js';

/** A report of this page the moderator made before: when, and where it stands in words. */
export interface EarlierReport {
  readonly at: number;
  readonly state: string;
}

/** The moderator's latest report of this address in this browser's outbox (it keeps the recent ones), if any. */
export function earlierReportOf(items: readonly OutboxItem[], url: string): EarlierReport | null {
  // Items are newest first.
  const item = items.find((i) => i.payload.url === url);
  return item ? { at: item.createdAt, state: describeReport(item).label } : null;
}

/** "You reported this page at 12:10 (flagged)." (with the date when it was not today) */
export function earlierSentence(earlier: EarlierReport, today = new Date()): string {
  const day = new Date(earlier.at).toDateString() === today.toDateString() ? '' : ` on ${new Date(earlier.at).toLocaleDateString()}`;
  return `You reported this page at ${time(earlier.at)}${day} (${earlier.state}).`;
}

/** The notice shown instead of the plain Report button when this page was reported before. */
export function earlierNotice(earlier: EarlierReport, onAdd: () => void, onAgain: () => void): HTMLElement {
  const add = el('button', { className: 'primary', text: 'Add my note to it', attrs: { type: 'button', id: 'add-to-earlier' } });
  const again = el('button', { className: 'secondary', text: 'Report again', attrs: { type: 'button', id: 'report-again' } });
  add.addEventListener('click', onAdd);
  again.addEventListener('click', onAgain);
  return el(
    'div',
    { className: 'notice earlier', attrs: { id: 'earlier' } },
    el('p', { className: 'earlier-line', text: earlierSentence(earlier) }),
    el('p', { className: 'muted', text: 'Add a note (or a category) to that report, or report the page again as it reads now.' }),
    el('div', { className: 'buttons' }, add, again),
  );
}
