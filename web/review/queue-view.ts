import type { ReviewApi } from './api.js';
import { byId } from './dom.js';
import { readFilters } from './filters-form.js';
import { claimedByOther, queueRow, stateCell, type QueueRow } from './queue-row.js';
import type { Claim, Decision, Filters, QueueItem } from './types.js';

// Enough rows to work through without paging often, few enough to render at once.
const PAGE_SIZE = 50;

/**
 * The queue table: rows of the current filter, highest score first, with one selected row (the one
 * open in the listing view) and any number of checked rows (for bulk decisions).
 */
export class QueueView {
  items: QueueItem[] = [];
  selected = -1;
  /** The signed-in investigator's name: their own claims are not "someone else's". */
  me = '';
  private rows: QueueRow[] = [];
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
    const built = queueRow(item, this.me);
    built.box.addEventListener('change', () => this.setChecked(index, built.box.checked));
    // A click anywhere on the row opens it, except on the checkbox, which only checks.
    built.row.addEventListener('click', (event) => {
      if (event.target !== built.box) this.select(index);
    });
    this.items.push(item);
    this.rows.push(built);
    this.body.append(built.row);
  }

  /** Selects a row and opens its listing; out-of-range indexes do nothing and return false. */
  select(index: number): boolean {
    const item = this.items[index];
    if (!item) return false;
    this.rows[this.selected]?.row.classList.remove('selected');
    this.rows[this.selected]?.row.removeAttribute('aria-current');
    this.selected = index;
    const { row } = this.rows[index]!;
    row.classList.add('selected');
    row.setAttribute('aria-current', 'true');
    row.scrollIntoView({ block: 'nearest' });
    this.onOpen(item);
    return true;
  }

  /**
   * Moves the selection by `step` rows (from before the first row when nothing is selected), passing
   * over rows someone else has open: two investigators should not work one listing. Clicking such a
   * row still opens it. False when no row is left that way.
   */
  move(step: 1 | -1): boolean {
    const now = Date.now();
    for (let i = this.selected === -1 ? (step === 1 ? 0 : -1) : this.selected + step; i >= 0 && i < this.items.length; i += step) {
      if (!claimedByOther(this.items[i]!, this.me, now)) return this.select(i);
    }
    return false;
  }

  /** Shows who has which listing open, from a fresh list of every live claim. */
  setClaims(claims: readonly Claim[]): void {
    const byListing = new Map(claims.map((c) => [c.listingId, c]));
    for (const [index, item] of this.items.entries()) {
      const claim = byListing.get(item.id);
      this.showClaim(index, claim ? { by: claim.by, until: claim.until } : null);
    }
  }

  /** Another investigator's live claim on a listing of the queue, as last heard. */
  claimedByOther(id: number): Claim | null {
    const item = this.items.find((i) => i.id === id);
    return item?.claim && claimedByOther(item, this.me) ? { listingId: id, ...item.claim } : null;
  }

  /** Shows one listing's claim as an answer about it told (opening it, deciding it). */
  setClaim(id: number, claim: QueueItem['claim']): void {
    for (const [index, item] of this.items.entries()) if (item.id === id) this.showClaim(index, claim);
  }

  private showClaim(index: number, claim: QueueItem['claim']): void {
    const item = this.items[index]!;
    if (item.claim?.by === claim?.by && item.claim?.until === claim?.until) return;
    item.claim = claim;
    stateCell(this.rows[index]!.state, item, this.me);
  }

  toggleSelected(): void {
    const box = this.rows[this.selected]?.box;
    if (!box) return;
    box.checked = !box.checked;
    this.setChecked(this.selected, box.checked);
  }

  private setChecked(index: number, on: boolean): void {
    const item = this.items[index];
    if (!item) return;
    if (on) this.checked.add(item.id);
    else this.checked.delete(item.id);
    this.rows[index]?.row.classList.toggle('checked', on);
  }

  checkedIds(): number[] {
    return [...this.checked];
  }

  /** Shows decisions just made; decided rows stay (dimmed) so the selection does not jump. */
  markDecided(ids: readonly number[], decision: Decision): void {
    for (const [index, item] of this.items.entries()) {
      if (!ids.includes(item.id)) continue;
      item.decision = decision;
      // Deciding released the listing's claim on the server.
      item.claim = null;
      const { row, state } = this.rows[index]!;
      row.classList.add('decided');
      stateCell(state, item, this.me);
    }
  }

  uncheckAll(): void {
    for (const [index, { box }] of this.rows.entries()) {
      box.checked = false;
      this.setChecked(index, false);
    }
  }
}
