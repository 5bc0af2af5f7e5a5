import { el, formatTime } from './dom.js';
import type { ListingDetail } from './types.js';

/** A titled list, or a line saying there is nothing yet. */
function section(title: string, items: HTMLElement[], none: string): HTMLElement[] {
  const heading = el('h4', { text: `${title} (${items.length})` });
  return [heading, items.length ? el('ol', { className: 'history' }, ...items) : el('p', { className: 'hint', text: none })];
}

/** Reports with moderators' notes, verdicts, decisions and text versions of a listing, oldest first where it matters. */
export function historySections(listing: ListingDetail): HTMLElement[] {
  const reports = listing.reports.map((r) =>
    el(
      'li',
      {},
      `${formatTime(r.createdAt)} · ${r.reporter} · ${r.status}${r.suspectedCategory ? ` · suspects ${r.suspectedCategory}` : ''}`,
      r.note ? el('blockquote', { text: r.note }) : null,
    ),
  );
  const verdicts = listing.verdicts.map((v) =>
    el(
      'li',
      {},
      `${formatTime(v.createdAt)} · ${v.flagged ? 'flagged' : v.review ? 'needs review' : 'not flagged'} · ${v.category ?? '—'} · ${v.score.toFixed(2)} · model ${v.modelVersion} · `,
      el('code', { text: v.contentHash }),
    ),
  );
  const decisions = listing.decisions.map((d) =>
    el('li', {}, `${formatTime(d.at)} · ${d.decision} by ${d.by}`, d.note ? el('blockquote', { text: d.note }) : null),
  );
  const versions = listing.history.map((h) => el('li', {}, `${formatTime(h.fetchedAt)} · ${h.title ?? '(no title)'} · `, el('code', { text: h.contentHash })));
  return [
    ...section('Reports', reports, 'No moderator reports.'),
    ...section('Verdicts', verdicts, 'No verdicts.'),
    ...section('Decisions', decisions, 'Not decided yet.'),
    ...section('Text versions', versions, 'No earlier versions.'),
  ];
}
