import type { ReviewApi } from './api.js';
import { byId, el, showStatus } from './dom.js';
import { CATEGORY_LABELS, isCategory } from './labels.js';
import type { Suggestion, SuggestionDecision, SuggestionDecisionResult } from './types.js';

const WEIGHTS = [1, 2, 3] as const;
const DEFAULT_WEIGHT = 2;
// Enough to judge a word by; more would make the table a wall of listing text.
const MAX_EXAMPLES = 3;
// Examples are cut so a long description does not push the decision controls off screen.
const EXAMPLE_CHARS = 140;

export interface SuggestionsHandlers {
  /** Opens an example in the listing view. */
  openListing(id: number): void;
  /** An API call failed (a lost session signs out). */
  fail(error: unknown): void;
}

const clip = (text: string) => (text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS)}…` : text);
const supportText = ({ support }: Suggestion) => `${support.flagged} flagged · ${support.review} needs review · ${support.benign} benign`;

/** What a decision did, for the status line. */
export function decisionSummary(s: Suggestion, body: SuggestionDecision, result: SuggestionDecisionResult): string {
  if (result.status === 'rejected') return `Rejected “${s.term}”: it will not be suggested again.`;
  const where = body.needsSignal === false ? 'on its own' : 'only with other signs of the trade';
  return `Approved “${s.term}” as ${body.category ?? s.category} (counts ${where}, weight ${body.weight ?? DEFAULT_WEIGHT}); lexicon overlay ${result.overlayVersion ?? '(none)'} is in force, workers take it up within seconds.`;
}

/**
 * "Suggested terms": code words discovery found in stored listings, waiting for an investigator to
 * approve them into the lexicon overlay (the classifier then matches them at once) or reject them.
 * A decided row leaves the table; examples arrive masked and open in the listing view.
 */
export class SuggestionsView {
  private readonly body = byId('suggestion-rows', HTMLTableSectionElement);
  private readonly empty = byId('suggestions-empty', HTMLParagraphElement);
  // An answer to an older load that arrives late is dropped, not drawn.
  private generation = 0;

  constructor(
    private readonly api: () => ReviewApi,
    private readonly handlers: SuggestionsHandlers,
  ) {}

  /** Loads the pending suggestions; resolves to how many there are. */
  async reload(): Promise<number> {
    const generation = ++this.generation;
    const items = await this.api().pendingSuggestions();
    if (generation !== this.generation) return 0;
    this.body.replaceChildren(...items.map((s) => this.row(s)));
    this.showEmptyIfNone();
    return items.length;
  }

  clear(): void {
    this.generation++;
    this.body.replaceChildren();
    this.empty.hidden = true;
  }

  private showEmptyIfNone(): void {
    this.empty.hidden = this.body.rows.length > 0;
  }

  private row(s: Suggestion): HTMLTableRowElement {
    const examples = s.examples.slice(0, MAX_EXAMPLES).map((example) => {
      const open = el('button', { className: 'row-title', text: example.title || `(no title) listing ${example.id}`, attrs: { type: 'button' } });
      open.addEventListener('click', () => this.handlers.openListing(example.id));
      return el('li', {}, open, ` · ${example.site}`, example.description ? el('span', { className: 'example-text', text: clip(example.description) }) : null);
    });
    const row = el(
      'tr',
      { attrs: { 'data-match-key': s.matchKey } },
      el('th', { className: 'term', text: s.term, attrs: { scope: 'row' } }),
      el('td', { text: s.category }),
      el('td', { text: s.score.toFixed(2) }),
      el('td', { text: supportText(s) }),
      el('td', { text: s.variants.join(', ') || '—' }),
      el('td', { className: 'why', text: s.why }),
      el('td', {}, examples.length ? el('ul', { className: 'examples' }, ...examples) : '—'),
    );
    row.append(el('td', {}, this.controls(s, row)));
    return row;
  }

  private controls(s: Suggestion, row: HTMLTableRowElement): HTMLElement {
    const category = el('select', {}, ...Object.entries(CATEGORY_LABELS).map(([value, label]) => el('option', { text: label, attrs: { value } })));
    category.value = isCategory(s.category) ? s.category : 'id_holding_photo';
    // Checked by default: most jargon also has an innocent meaning, so it should count only in an offer.
    const needsSignal = el('input', { attrs: { type: 'checkbox' } });
    needsSignal.checked = true;
    const weight = el('select', {}, ...WEIGHTS.map((w) => el('option', { text: String(w), attrs: { value: String(w) } })));
    weight.value = String(DEFAULT_WEIGHT);
    const approve = el('button', { text: 'Approve', attrs: { type: 'button' } });
    const reject = el('button', { text: 'Reject', attrs: { type: 'button' } });
    approve.addEventListener('click', () => {
      const chosen = category.value;
      void this.decide(s, row, {
        matchKey: s.matchKey,
        decision: 'approve',
        ...(isCategory(chosen) ? { category: chosen } : {}),
        needsSignal: needsSignal.checked,
        weight: Number(weight.value),
      });
    });
    reject.addEventListener('click', () => void this.decide(s, row, { matchKey: s.matchKey, decision: 'reject' }));
    return el(
      'div',
      { className: 'suggestion-decide', attrs: { role: 'group', 'aria-label': `Decide “${s.term}”` } },
      el('label', {}, 'Category ', category),
      el('label', {}, needsSignal, ' counts only with other signs of the trade'),
      el('label', {}, 'Weight ', weight),
      el('span', { className: 'buttons' }, approve, ' ', reject),
    );
  }

  private async decide(s: Suggestion, row: HTMLTableRowElement, body: SuggestionDecision): Promise<void> {
    const buttons = [...row.querySelectorAll('button, select, input')] as (HTMLButtonElement | HTMLSelectElement | HTMLInputElement)[];
    // One decision per row: a second click while the first is on its way would be a 409.
    for (const control of buttons) control.disabled = true;
    showStatus(`${body.decision === 'approve' ? 'Approving' : 'Rejecting'} “${s.term}”…`);
    try {
      const result = await this.api().decideSuggestion(body);
      row.remove();
      this.showEmptyIfNone();
      showStatus(decisionSummary(s, body, result));
    } catch (error) {
      for (const control of buttons) control.disabled = false;
      this.handlers.fail(error);
    }
  }
}
