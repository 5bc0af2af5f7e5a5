import type { ReviewApi } from './api.js';
import { byId, el, formatTime, showStatus } from './dom.js';
import { saveFile } from './export.js';
import { categoryLabel } from './labels.js';
import { renderCluster } from './seller-cluster.js';
import type { ClusterDecisionResult, Decision, SellerCluster } from './types.js';

// Clusters are small rows; a page is enough to see the biggest sellers at a glance.
const PAGE_SIZE = 50;
const DONE: Record<Decision, string> = { confirmed: 'Confirmed', dismissed: 'Dismissed', escalated: 'Escalated' };

export interface SellersHandlers {
  /** Opens a listing of a cluster in the listing view. */
  openListing(id: number): void;
  /** An API call failed (a lost session signs out). */
  fail(error: unknown): void;
  /** A decision on a whole cluster was recorded: the queue and the open listing show it. */
  decided(result: ClusterDecisionResult): void;
}

/**
 * "Sellers": seller clusters (listings linked by a shared contact handle or near-duplicate text),
 * largest and most recently active first as the API returns them. Opening one shows it in place of
 * the list, with a way back; its listings open in the listing view beside it.
 */
export class SellersView {
  private readonly list = byId('seller-list', HTMLDivElement);
  private readonly detail = byId('seller-cluster', HTMLDivElement);
  private readonly body = byId('seller-rows', HTMLTableSectionElement);
  private readonly empty = byId('sellers-empty', HTMLParagraphElement);
  private readonly more = byId('more-sellers', HTMLButtonElement);
  private cursor: string | null = null;
  // An answer to an older load or open that arrives late is dropped, not drawn.
  private generation = 0;

  constructor(
    private readonly api: () => ReviewApi,
    private readonly handlers: SellersHandlers,
  ) {}

  /** Shows the list from its first page; resolves to the number of clusters loaded. */
  async reload(): Promise<number> {
    this.clear();
    this.showList();
    return this.loadMore();
  }

  async loadMore(): Promise<number> {
    const generation = this.generation;
    const page = await this.api().sellers(this.cursor, PAGE_SIZE);
    if (generation !== this.generation) return 0;
    this.cursor = page.nextCursor;
    this.body.append(...page.items.map((c) => this.row(c)));
    this.more.hidden = this.cursor === null;
    this.empty.hidden = this.body.rows.length > 0;
    return page.items.length;
  }

  clear(): void {
    this.generation++;
    this.cursor = null;
    this.body.replaceChildren();
    this.detail.replaceChildren();
    this.more.hidden = true;
    this.empty.hidden = true;
  }

  showList(): void {
    this.detail.hidden = true;
    this.list.hidden = false;
  }

  /** Opens one cluster in place of the list; `unmask` shows its handles whole (logged by the server). */
  async openCluster(id: number, unmask = false): Promise<void> {
    const generation = ++this.generation;
    if (unmask) showStatus('Unmasking the handles (this is logged)…');
    const cluster = await this.api().seller(id, unmask);
    if (generation !== this.generation) return;
    renderCluster(this.detail, cluster, {
      back: () => {
        this.generation++;
        this.showList();
      },
      openListing: (listingId) => this.handlers.openListing(listingId),
      toggleMask: () => void this.openCluster(id, cluster.masked).catch((error: unknown) => this.handlers.fail(error)),
      decide: (decision, note) => this.decide(id, decision, note, !cluster.masked),
      exportFile: () => void this.exportCluster(id),
    });
    this.list.hidden = true;
    this.detail.hidden = false;
    this.detail.scrollIntoView({ block: 'start' });
    showStatus(unmask ? `Seller ${id} unmasked; the view was logged.` : `Seller ${id}: ${cluster.size} listings.`);
  }

  private async decide(id: number, decision: Decision, note: string, unmasked: boolean): Promise<void> {
    showStatus(`Deciding every listing of seller ${id}…`);
    try {
      const result = await this.api().decideCluster(id, decision, note);
      this.handlers.decided(result);
      await this.openCluster(id, unmasked);
      showStatus(`${DONE[decision]} ${result.decided.length} listing(s) of seller ${id}.`);
    } catch (error) {
      this.handlers.fail(error);
    }
  }

  private async exportCluster(id: number): Promise<void> {
    showStatus(`Preparing the evidence file of seller ${id}…`);
    try {
      const { blob, filename } = await this.api().exportCluster(id);
      saveFile(blob, filename);
      showStatus(`Exported ${filename} (${blob.size} bytes: listings masked, WARC snapshots as fetched).`);
    } catch (error) {
      this.handlers.fail(error);
    }
  }

  private row(c: SellerCluster): HTMLTableRowElement {
    const open = el('button', { className: 'row-title', text: `Seller ${c.id}`, attrs: { type: 'button' } });
    const row = el(
      'tr',
      { attrs: { 'data-cluster': String(c.id) } },
      el('th', { attrs: { scope: 'row' } }, open),
      el('td', { text: String(c.size) }),
      el('td', { text: c.sites.join(', ') }),
      el('td', { text: String(c.flagged) }),
      el('td', { text: c.categories.map(categoryLabel).join(', ') || '—' }),
      el('td', { className: 'seen', text: `${formatTime(c.firstSeen)} – ${formatTime(c.lastSeen)}` }),
    );
    row.addEventListener('click', () => void this.openCluster(c.id).catch((error: unknown) => this.handlers.fail(error)));
    return row;
  }
}
