import { el } from '../shared/dom.js';
import type { OutboxItem } from '../shared/report.js';
import { describeReport } from './describe-report.js';

/** One report: what it is, where it stands, and once classified the verdict with its evidence. */
export function reportView(item: OutboxItem, options: { open?: boolean } = {}): HTMLElement {
  const state = describeReport(item);
  const title = item.payload.title ?? item.payload.url;
  const summary = el(
    'summary',
    {},
    el('span', { className: `label tone-${state.tone}`, text: state.label }),
    ' ',
    el('span', { className: 'report-title', text: title }),
  );
  const details = el('details', { className: 'report', attrs: { 'data-id': item.clientReportId, 'data-stage': item.stage } }, summary);
  details.open = options.open ?? false;
  details.append(el('p', { className: 'detail', text: state.detail }), el('p', { className: 'url', text: item.payload.url }));
  const verdict = item.verdict;
  if (verdict) {
    details.append(
      el('p', {
        className: 'verdict',
        text: `${verdict.flagged ? 'Flagged' : verdict.review ? 'Needs review' : 'Not flagged'}${verdict.category ? ` as ${verdict.category}` : ''} · score ${verdict.score.toFixed(4)} · model ${verdict.modelVersion}`,
      }),
      el(
        'ul',
        { className: 'evidence' },
        ...verdict.evidence.map((e) => el('li', {}, el('q', { text: e.text }), ` in ${e.field}: `, el('span', { className: 'reason', text: e.reason }))),
      ),
    );
  }
  return details;
}
