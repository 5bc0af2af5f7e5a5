// The investigators' review page: sign in, work the queue, decide, export, work seller clusters, decide suggested terms. Served by
// server/routes/review-page.ts under a CSP that allows only this bundle and review.css.
import type { ReviewApi } from './api.js';
import { ClaimKeeper } from './claim-keeper.js';
import { byId, el, errorMessage, showStatus } from './dom.js';
import { downloadExport } from './export.js';
import { installShortcuts } from './keyboard.js';
import { decisionNote, renderListing } from './listing-view.js';
import { QueueView } from './queue-view.js';
import { SellersView } from './sellers-view.js';
import { lostSession, setUpSession } from './sign-in.js';
import { openSnapshot } from './snapshot-link.js';
import { SuggestionsView } from './suggestions-view.js';
import type { ClusterDecisionResult, Decision } from './types.js';

const DONE: Record<Decision, string> = { confirmed: 'Confirmed', dismissed: 'Dismissed', escalated: 'Escalated' };
const isDecision = (value: unknown): value is Decision => typeof value === 'string' && value in DONE;

let api: ReviewApi | null = null;
/** The listing in the listing view, and whether it is shown masked. */
let open: { id: number; masked: boolean } | null = null;
// Only the answer to the latest open is drawn: j pressed quickly must not show an older listing last.
let openSeq = 0;
let deciding = false;

// Set while `j`/`k` (or a decision key) moves through the queue: the open that follows then passes on
// when it finds the listing open by someone else, which the queue's claims may not have shown yet.
let keyStep: 1 | -1 | null = null;

const listingBody = byId('listing-body', HTMLDivElement);
const listingPane = byId('listing-pane', HTMLElement);
const signedInApi = (): ReviewApi => {
  if (!api) throw new Error('not signed in');
  return api;
};
const queue = new QueueView(signedInApi, (item) => {
  const step = keyStep;
  keyStep = null;
  void openListing(item.id, { step });
});
const claims = new ClaimKeeper(() => api, {
  claims: (live) => queue.setClaims(live),
  claim: ({ listingId, by, until }) => queue.setClaim(listingId, { by, until }),
});
const suggestions = new SuggestionsView(signedInApi, { openListing: (id) => void openListing(id), fail });
const sellers = new SellersView(signedInApi, { openListing: (id) => void openListing(id), fail, decided: clusterDecided });
const VIEWS = {
  queue: { tab: byId('show-queue', HTMLButtonElement), section: byId('queue-view', HTMLElement) },
  sellers: { tab: byId('show-sellers', HTMLButtonElement), section: byId('sellers-view', HTMLElement) },
  suggestions: { tab: byId('show-suggestions', HTMLButtonElement), section: byId('suggestions-view', HTMLElement) },
};
type View = keyof typeof VIEWS;
let shown: View = 'queue';
const session = setUpSession({
  signedIn(newApi, me) {
    api = newApi;
    queue.me = me.name;
    claims.start();
    showView('queue');
    void loadQueue();
  },
  signedOut() {
    // Before the API goes: releasing the open listing's claim needs the token.
    claims.stop();
    api = null;
    open = null;
    openSeq++;
    queue.clear();
    suggestions.clear();
    sellers.clear();
    showEmptyListing();
  },
});

function fail(error: unknown): void {
  if (lostSession(error)) session.signOut(`Signed out: ${errorMessage(error)}.`);
  else showStatus(errorMessage(error), 'error');
}

function showEmptyListing(): void {
  listingBody.replaceChildren(el('p', { className: 'hint', text: 'Open a listing from the queue: click it, or press j.' }));
}

/** Shows the queue, the sellers or the suggested terms in the left column; the listing view stays beside each. */
function showView(view: View): void {
  shown = view;
  // The stylesheet gives the suggested terms' wider table more of the width than the queue gets.
  byId('review-view', HTMLDivElement).dataset.view = view;
  for (const [name, { tab, section }] of Object.entries(VIEWS)) {
    section.hidden = name !== view;
    if (name === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
}

async function loadSuggestions(): Promise<void> {
  showStatus('Loading the suggested terms…');
  try {
    const count = await suggestions.reload();
    showStatus(`${count} suggested term(s) waiting for a decision.`);
  } catch (error) {
    fail(error);
  }
}

async function loadSellers(): Promise<void> {
  showStatus('Loading the sellers…');
  try {
    const count = await sellers.reload();
    showStatus(`${count} seller(s) with more than one listing loaded.`);
  } catch (error) {
    fail(error);
  }
}

/** Shows a listing's seller cluster (from the listing view's "Open this seller"). */
function openCluster(id: number): void {
  showView('sellers');
  sellers.openCluster(id).catch(fail);
}

/** A decision on a whole cluster: the queue's rows and the open listing show it (the server released their claims). */
function clusterDecided(result: ClusterDecisionResult): void {
  queue.markDecided(result.decided, result.decision);
  if (open && result.decided.includes(open.id)) {
    claims.decided(open.id);
    void openListing(open.id, { unmask: !open.masked, claim: false });
  }
}

async function loadQueue(): Promise<void> {
  showStatus('Loading the queue…');
  open = null;
  openSeq++;
  showEmptyListing();
  try {
    await queue.reload();
    showStatus(`${queue.items.length} listing(s) loaded${byId('load-more', HTMLButtonElement).hidden ? '' : '; more below'}.`);
  } catch (error) {
    fail(error);
  }
}

interface OpenOptions {
  /** Shows ID, phone and card numbers (logged by the server). */
  readonly unmask?: boolean;
  /** Reached with a key: passes on in that direction when someone else has the listing open. */
  readonly step?: 1 | -1 | null;
  /** False to draw a listing again without claiming it (it was just decided, which released the claim). */
  readonly claim?: boolean;
}

/** Opens a listing and claims it (the claim of another investigator is shown, and stays). */
async function openListing(id: number, { unmask = false, step = null, claim: claiming = true }: OpenOptions = {}): Promise<void> {
  const seq = ++openSeq;
  open = { id, masked: !unmask };
  if (unmask) showStatus('Unmasking (this is logged)…');
  try {
    const [listing, claim] = await Promise.all([signedInApi().listing(id, unmask), claiming ? claims.open(id) : null]);
    if (seq !== openSeq) return;
    // Drawn again without a claim call (unmasked, decided), the queue still knows whose the listing is.
    const other = claiming ? (claim && !claim.yours ? claim : null) : queue.claimedByOther(id);
    if (other && step !== null) {
      keyStep = step;
      if (queue.move(step)) return showStatus(`Passed over listing ${id}: open by ${other.by}.`);
      keyStep = null;
    }
    renderListing(
      listingBody,
      listing,
      {
        toggleMask: () => void openListing(id, { unmask: listing.masked, claim: false }),
        decide: (decision) => void decideOpen(decision, false),
        openCluster,
        openSnapshot: (snapshotId) => openSnapshot(signedInApi(), snapshotId).catch(fail),
      },
      other,
    );
    // A new listing starts at its top; the same one drawn again (unmasked, decided) keeps the place.
    if (listingPane.dataset.id !== String(id)) listingPane.scrollTop = 0;
    listingPane.dataset.id = String(id);
    if (unmask) showStatus(`Listing ${id} unmasked; the view was logged.`);
  } catch (error) {
    if (seq === openSeq) fail(error);
  }
}

/** Decides the open listing; from the keyboard, then opens the next row. */
async function decideOpen(decision: Decision, advance: boolean): Promise<void> {
  const current = open;
  // The keys decide the selected row and move on, so they need one; a button decides what is open
  // (which may have come from a suggested term's example rather than the queue).
  if (!current || (advance && queue.items[queue.selected]?.id !== current.id)) return showStatus('Open a listing first (click it or press j).', 'error');
  if (deciding) return;
  deciding = true;
  try {
    await signedInApi().decide(current.id, decision, decisionNote());
    claims.decided(current.id);
    queue.markDecided([current.id], decision);
    showStatus(`${DONE[decision]} listing ${current.id}.`);
    if (!advance) void openListing(current.id, { unmask: !current.masked, claim: false });
    else if (!moveByKey(1)) showStatus(`${DONE[decision]} listing ${current.id}: that was the last row loaded.`);
  } catch (error) {
    fail(error);
  } finally {
    deciding = false;
  }
}

/** Moves through the queue as the keys do: passing over listings someone else has open. */
function moveByKey(step: 1 | -1): boolean {
  keyStep = step;
  const moved = queue.move(step);
  if (!moved) keyStep = null;
  return moved;
}

async function decideChecked(decision: Decision): Promise<void> {
  const ids = queue.checkedIds();
  if (ids.length === 0) return showStatus('Check some rows first (their boxes, or x on the selected row).', 'error');
  const note = byId('bulk-note', HTMLInputElement);
  try {
    const result = await signedInApi().decideMany(ids, decision, note.value.trim());
    queue.markDecided(result.decided, decision);
    queue.uncheckAll();
    note.value = '';
    const missing = result.missing.length ? `; ${result.missing.length} no longer exist` : '';
    showStatus(`${DONE[decision]} ${result.decided.length} listing(s)${missing}.`);
    if (open && result.decided.includes(open.id)) {
      claims.decided(open.id);
      void openListing(open.id, { unmask: !open.masked, claim: false });
    }
  } catch (error) {
    fail(error);
  }
}

VIEWS.queue.tab.addEventListener('click', () => showView('queue'));
VIEWS.sellers.tab.addEventListener('click', () => {
  showView('sellers');
  void loadSellers();
});
byId('reload-sellers', HTMLButtonElement).addEventListener('click', () => void loadSellers());
byId('more-sellers', HTMLButtonElement).addEventListener('click', () => {
  sellers.loadMore().then((added) => showStatus(`${added} more seller(s) loaded.`), fail);
});
VIEWS.suggestions.tab.addEventListener('click', () => {
  showView('suggestions');
  void loadSuggestions();
});
byId('reload-suggestions', HTMLButtonElement).addEventListener('click', () => void loadSuggestions());
byId('filters', HTMLFormElement).addEventListener('submit', (event) => {
  event.preventDefault();
  void loadQueue();
});
byId('load-more', HTMLButtonElement).addEventListener('click', () => {
  queue.loadMore().then((added) => showStatus(`${added} more listing(s) loaded.`), fail);
});
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-bulk]')) {
  const decision = button.dataset.bulk;
  if (isDecision(decision)) button.addEventListener('click', () => void decideChecked(decision));
}
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
  const format = button.dataset.export === 'csv' ? 'csv' : 'jsonl';
  button.addEventListener('click', () => {
    downloadExport(signedInApi(), format, queue.currentFilters()).catch(fail);
  });
}
installShortcuts({
  // The keys work the queue: with the suggested terms shown they would move through rows out of sight.
  active: () => api !== null && shown === 'queue',
  move: (step) => {
    if (!moveByKey(step)) showStatus(step === 1 ? 'End of the rows loaded (rows open by others are passed over).' : 'Top of the queue.');
  },
  decide: (decision) => void decideOpen(decision, true),
  toggleChecked: () => queue.toggleSelected(),
});
