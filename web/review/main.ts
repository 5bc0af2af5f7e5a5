// The investigators' review page: sign in, work the queue, decide, export, decide suggested terms. Served by
// server/routes/review-page.ts under a CSP that allows only this bundle and review.css.
import type { ReviewApi } from './api.js';
import { byId, el, errorMessage, showStatus } from './dom.js';
import { downloadExport } from './export.js';
import { installShortcuts } from './keyboard.js';
import { decisionNote, renderListing } from './listing-view.js';
import { QueueView } from './queue-view.js';
import { lostSession, setUpSession } from './sign-in.js';
import { SuggestionsView } from './suggestions-view.js';
import type { Decision } from './types.js';

const DONE: Record<Decision, string> = { confirmed: 'Confirmed', dismissed: 'Dismissed', escalated: 'Escalated' };
const isDecision = (value: unknown): value is Decision => typeof value === 'string' && value in DONE;

let api: ReviewApi | null = null;
/** The listing in the listing view, and whether it is shown masked. */
let open: { id: number; masked: boolean } | null = null;
// Only the answer to the latest open is drawn: j pressed quickly must not show an older listing last.
let openSeq = 0;
let deciding = false;

const listingBody = byId('listing-body', HTMLDivElement);
const signedInApi = (): ReviewApi => {
  if (!api) throw new Error('not signed in');
  return api;
};
const queue = new QueueView(signedInApi, (item) => void openListing(item.id, false));
const suggestions = new SuggestionsView(signedInApi, { openListing: (id) => void openListing(id, false), fail });
const VIEWS = {
  queue: { tab: byId('show-queue', HTMLButtonElement), section: byId('queue-view', HTMLElement) },
  suggestions: { tab: byId('show-suggestions', HTMLButtonElement), section: byId('suggestions-view', HTMLElement) },
};
type View = keyof typeof VIEWS;
let shown: View = 'queue';
const session = setUpSession({
  signedIn(newApi) {
    api = newApi;
    showView('queue');
    void loadQueue();
  },
  signedOut() {
    api = null;
    open = null;
    openSeq++;
    queue.clear();
    suggestions.clear();
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

/** Shows the queue or the suggested terms in the left column; the listing view stays beside either. */
function showView(view: View): void {
  shown = view;
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

async function openListing(id: number, unmask: boolean): Promise<void> {
  const seq = ++openSeq;
  open = { id, masked: !unmask };
  if (unmask) showStatus('Unmasking (this is logged)…');
  try {
    const listing = await signedInApi().listing(id, unmask);
    if (seq !== openSeq) return;
    renderListing(listingBody, listing, { toggleMask: () => void openListing(id, listing.masked), decide: (decision) => void decideOpen(decision, false) });
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
    queue.markDecided([current.id], decision);
    showStatus(`${DONE[decision]} listing ${current.id}.`);
    if (!advance) void openListing(current.id, !current.masked);
    else if (!queue.move(1)) showStatus(`${DONE[decision]} listing ${current.id}: that was the last row loaded.`);
  } catch (error) {
    fail(error);
  } finally {
    deciding = false;
  }
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
    if (open && result.decided.includes(open.id)) void openListing(open.id, !open.masked);
  } catch (error) {
    fail(error);
  }
}

VIEWS.queue.tab.addEventListener('click', () => showView('queue'));
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
    if (!queue.move(step)) showStatus(step === 1 ? 'End of the rows loaded.' : 'Top of the queue.');
  },
  decide: (decision) => void decideOpen(decision, true),
  toggleChecked: () => queue.toggleSelected(),
});
