import type { ReviewApi } from './api.js';
import { byId, el } from './dom.js';
import { readFilters } from './filters-form.js';
import type { Decision, Filters, QueueItem } from './types.js';

// Enough rows to work through without paging often, few enough to render at once.
const PAGE_SIZE = 50;

/**
 * The queue table: rows of the current filter, highest score first, with one selected row (the one
 * open in the listing view) and any number of checked rows (for bulk decisions).
 */
export class QueueView {
  items: QueueItem[] = [];
  selected = -1;
  private rows: HTMLTableRowElement[] = [];
  private readonly checked = new Set<number>();
  private cursor: string | null = null;
  private filters: Filters | null = null;
  // Answers to an older filter that arrive late are dropped, not appended.
  private generation = 0;
  private readonly body = byId('queue-rows', HTMLTableSectionElement);
  private readonly form = byId('filters', HTMLFormElement);
  private readonly more = byId('load-more', HTMLButtonElement);
  private readonly empty = byId('queue-empty', HTMLParagraphElement);

  constructor(
    private readonly api: () => ReviewApi,
    private readonly onOpen: (item: QueueItem) => void,
  ) {}

  /** The filters applied to the rows shown (what an export exports). */
  currentFilters(): Filters {
    return this.filters ?? readFilters(this.form);
  }

  /** Empties the table and loads the first page of the filter in the form. */
  async reload(): Promise<number> {
    this.clear();
    this.filters = readFilters(this.form);
    return this.loadMore();
  }

  /** Appends the next page; resolves to the number of rows added. */
  async loadMore(): Promise<number> {
    const generation = this.generation;
    const page = await this.api().listings(this.currentFilters(), this.cursor, PAGE_SIZE);
    if (generation !== this.generation) return 0;
    this.cursor = page.nextCursor;
    for (const item of page.items) this.addRow(item);
    this.more.hidden = this.cursor === null;
    this.empty.hidden = this.items.length > 0;
    return page.items.length;
  }

  clear(): void {
    this.generation++;
    this.items = [];
    this.rows = [];
    this.selected = -1;
    this.checked.clear();
    this.cursor = null;
    this.body.replaceChildren();
    this.more.hidden = true;
    this.empty.hidden = true;
  }

  private addRow(item: QueueItem): void {
    const index = this.items.length;
    const title = item.title || '(no title)';
    const box = el('input', { attrs: { type: 'checkbox', 'aria-label': `Check: ${title}` } });
    box.addEventListener('change', () => this.setChecked(index, box.checked));
    const open = el('button', { className: 'row-title', text: title, attrs: { type: 'button' } });
    const row = el(
      'tr',
      { attrs: { 'data-id': String(item.id) } },
      el('td', {}, box),
      el('td', {}, open),
      el('td', { text: item.price ?? '' }),
      el('td', { text: item.site }),
      el('td', { text: item.seller ?? '' }),
      el('td', { text: item.review ? `${item.score.toFixed(2)} · needs review` : item.score.toFixed(2) }),
      el('td', { text: item.category ?? '—' }),
      el('td', { text: String(item.reports) }),
      el('td', { className: 'decision', text: item.decision ?? '' }),
    );
    row.classList.toggle('decided', item.decision !== null);
    // A click anywhere on the row opens it, except on the checkbox, which only checks.
    row.addEventListener('click', (event) => {
      if (event.target !== box) this.select(index);
    });
    this.items.push(item);
    this.rows.push(row);
    this.body.append(row);
  }

  /** Selects a row and opens its listing; out-of-range indexes do nothing and return false. */
  select(index: number): boolean {
    const item = this.items[index];
    if (!item) return false;
    this.rows[this.selected]?.classList.remove('selected');
    this.rows[this.selected]?.removeAttribute('aria-current');
    this.selected = index;
    const row = this.rows[index]!;
    row.classList.add('selected');
    row.setAttribute('aria-current', 'true');
    row.scrollIntoView({ block: 'nearest' });
    this.onOpen(item);
    return true;
  }

  /** Moves the selection by `step` rows (from before the first row when nothing is selected). */
  move(step: 1 | -1): boolean {
    return this.select(this.selected === -1 ? (step === 1 ? 0 : -1) : this.selected + step);
  }

  toggleSelected(): void {
    const box = this.rows[this.selected]?.querySelector('input[type="checkbox"]');
    if (!(box instanceof HTMLInputElement)) return;
    box.checked = !box.checked;
    this.setChecked(this.selected, box.checked);
  }

  private setChecked(index: number, on: boolean): void {
    const item = this.items[index];
    if (!item) return;
    if (on) this.checked.add(item.id);
    else this.checked.delete(item.id);
    this.rows[index]?.classList.toggle('checked', on);
  }

  checkedIds(): number[] {
    return [...this.checked];
  }

  /** Shows decisions just made; decided rows stay (dimmed) so the selection does not jump. */
  markDecided(ids: readonly number[], decision: Decision): void {
    for (const [index, item] of this.items.entries()) {
      if (!ids.includes(item.id)) continue;
      item.decision = decision;
      const row = this.rows[index]!;
      row.classList.add('decided');
      const cell = row.querySelector('td.decision');
      if (cell) cell.textContent = decision;
    }
  }

  uncheckAll(): void {
    for (const [index, row] of this.rows.entries()) {
      const box = row.querySelector('input[type="checkbox"]');
      if (box instanceof HTMLInputElement) box.checked = false;
      this.setChecked(index, false);
    }
  }
}
