import { el } from './dom.js';
import type { Decision, SellerClusterDetail } from './types.js';

// The actions on a whole seller cluster: one decision for every listing (after a confirmation step:
// it may overwrite decisions others made one by one) and the cluster as one evidence file.

export interface ClusterActionHandlers {
  /** Decides every listing of the cluster; resolves when the server has answered. */
  decide(decision: Decision, note: string): Promise<void>;
  /** Downloads the cluster's evidence file (JSON Lines with the WARC snapshots). */
  exportFile(): void;
}

const VERBS: readonly [Decision, string][] = [
  ['confirmed', 'Confirm'],
  ['dismissed', 'Dismiss'],
  ['escalated', 'Escalate'],
];

/** The decision controls, then, once a decision is chosen, "Yes, … N listings" and "Cancel" in their place. */
export function clusterActions(cluster: SellerClusterDetail, handlers: ClusterActionHandlers): HTMLElement {
  const n = cluster.listings.length;
  const note = el('input', { attrs: { id: 'cluster-note', type: 'text', maxlength: '2000', autocomplete: 'off' } });
  const choose = el('div', { className: 'decide-buttons' });
  const confirmStep = el('div', { className: 'cluster-confirm', attrs: { role: 'alertdialog', 'aria-label': 'Confirm the decision on the whole seller' } });
  confirmStep.hidden = true;

  for (const [decision, verb] of VERBS) {
    const button = el('button', { text: `${verb} all ${n}`, attrs: { type: 'button' } });
    button.addEventListener('click', () => {
      const yes = el('button', { className: `decide-${decision}`, text: `Yes, ${verb.toLowerCase()} ${n} listings`, attrs: { type: 'button' } });
      const cancel = el('button', { text: 'Cancel', attrs: { type: 'button' } });
      const undecided = cluster.listings.filter((l) => l.decision === null).length;
      confirmStep.replaceChildren(
        el('p', {
          text: `${verb} every listing of seller ${cluster.id} (${n} listings on ${cluster.sites.length} sites)? ${n - undecided} already decided will get this decision too; each decision is logged.`,
        }),
        yes,
        ' ',
        cancel,
      );
      const back = () => {
        confirmStep.hidden = true;
        choose.hidden = false;
      };
      cancel.addEventListener('click', back);
      yes.addEventListener('click', () => {
        // One click sends one request: a second would decide the listings twice.
        yes.disabled = cancel.disabled = true;
        void handlers.decide(decision, note.value.trim()).finally(back);
      });
      choose.hidden = true;
      confirmStep.hidden = false;
      yes.focus();
    });
    choose.append(button);
  }

  const exportButton = el('button', { text: 'Export evidence file', attrs: { type: 'button' } });
  exportButton.addEventListener('click', () => handlers.exportFile());
  return el(
    'div',
    { className: 'cluster-actions', attrs: { role: 'group', 'aria-label': 'Decide or export the whole seller' } },
    el('label', { text: 'Note for all', attrs: { for: 'cluster-note' } }),
    note,
    choose,
    confirmStep,
    el('span', { className: 'cluster-export' }, exportButton),
  );
}
