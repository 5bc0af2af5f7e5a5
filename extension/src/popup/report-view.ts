import { CATEGORIES } from '../../../contracts/index.js';
import { categoryWords } from '../shared/category-words.js';
import { el } from '../shared/dom.js';
import type { OutboxItem } from '../shared/report.js';
import { decisionWords, describeReport, verdictSentence } from './describe-report.js';

/** One report: what it is, where it stands, the verdict with its evidence, and what investigators decided. */
export function reportView(item: OutboxItem, options: { open?: boolean } = {}): HTMLElement {
  const state = describeReport(item);
  const title = item.payload.title ?? item.payload.url;
  const decision = item.decision ? decisionWords(item.decision) : null;
  const summary = el(
    'summary',
    {},
    // The icon is decoration for sighted readers; the label's words say the same to everyone.
    el(
      'span',
      { className: `label tone-${state.tone}`, attrs: { 'data-outcome': state.label } },
      el('span', { className: 'icon', text: state.icon, attrs: { 'aria-hidden': 'true' } }),
      state.label,
    ),
    decision
      ? el(
          'span',
          { className: `label decision decision-${item.decision!.decision}` },
          el('span', { className: 'icon', text: decision.icon, attrs: { 'aria-hidden': 'true' } }),
          item.decision!.decision,
        )
      : null,
    ' ',
    el('span', { className: 'report-title', text: title }),
  );
  const details = el('details', { className: 'report', attrs: { 'data-id': item.clientReportId, 'data-stage': item.stage } }, summary);
  details.open = options.open ?? false;
  if (state.detail) details.append(el('p', { className: 'detail', text: state.detail }));
  details.append(el('p', { className: 'url', text: item.payload.url }));
  if (item.verdict) details.append(...verdictView(item.verdict));
  if (decision) details.append(el('p', { className: `decision-line decision-${item.decision!.decision}`, text: `${decision.icon} ${decision.text}` }));
  return details;
}

/**
 * The verdict said once, then its evidence: on a flagged verdict the words that made it; on one not
 * flagged the same findings, set apart (muted, under their own heading), since they did not suffice.
 */
function verdictView(verdict: NonNullable<OutboxItem['verdict']>): HTMLElement[] {
  const nodes: HTMLElement[] = [el('p', { className: 'verdict', text: verdictSentence(verdict) })];
  if (verdict.evidence.length > 0) {
    const weak = !verdict.flagged;
    nodes.push(
      el('p', { className: 'evidence-heading', text: weak ? 'Found, but not enough to flag it:' : 'Why:' }),
      el(
        'ul',
        { className: weak ? 'evidence weak' : 'evidence' },
        ...verdict.evidence.map((e) =>
          el('li', {}, el('q', { text: e.text }), ` in ${e.field}: `, el('span', { className: 'reason', text: inWords(e.reason) })),
        ),
      ),
    );
  }
  nodes.push(el('p', { className: 'model muted', text: `model ${verdict.modelVersion}` }));
  return nodes;
}

const CATEGORY_SLUG = new RegExp(`\\b(${CATEGORIES.join('|')})\\b`, 'g');
/** The classifier's reasons name categories by slug ("coded term for face_bundle"); the popup says the dropdown's words. */
export const inWords = (reason: string) => reason.replace(CATEGORY_SLUG, (slug) => categoryWords(slug));
