import type { OutboxItem } from '../shared/report.js';
import type { ApiClient } from './api-client.js';
import type { Outbox } from './outbox.js';

/**
 * Closing the loop: a classified report's listing is decided by investigators hours or days later, so
 * the status of recent finished reports is asked again (GET /api/v1/reports/:id carries the decision)
 * when the moderator opens the popup, the only time they would see it. A decided report is not asked
 * again unless the decision was "escalated", which a later decision may settle.
 */

/** Reports older than this are not asked about any more. */
export const DECISION_WINDOW_MS = 30 * 24 * 3600_000;
/** At most this many reports are asked about per refresh: the popup shows about as many. */
export const DECISION_BATCH = 15;
/** The same report is asked again no sooner than this (a popup opened and closed repeatedly asks once). */
export const DECISION_RECHECK_MS = 5_000;

/** Whether a report's decision is worth asking for now. */
export function awaitsDecision(item: OutboxItem, now: number): boolean {
  if (item.stage !== 'done' || item.status !== 'classified' || item.serverId === null) return false;
  if (now - item.createdAt > DECISION_WINDOW_MS) return false;
  if (item.decision !== null && item.decision.decision !== 'escalated') return false;
  return item.decisionCheckedAt === null || now - item.decisionCheckedAt >= DECISION_RECHECK_MS;
}

/** Asks for the decisions of the reports that await one (newest first); returns how many changed. */
export async function refreshDecisions(outbox: Outbox, api: ApiClient, now: () => number): Promise<number> {
  const due = (await outbox.items()).filter((i) => awaitsDecision(i, now())).slice(0, DECISION_BATCH);
  let changed = 0;
  for (const item of due) {
    // Without the verdict (already kept): the server then writes no audit-log entry for a mere decision check.
    const outcome = await api.reportState(item.serverId!, { withVerdict: false });
    // Unreachable or refused: leave it; the next popup asks again. Anything else is an answer.
    if (outcome.kind === 'retry' || outcome.kind === 'auth') break;
    const decision = outcome.kind === 'ok' ? (outcome.value.decision ?? null) : item.decision;
    if (decision?.decision !== item.decision?.decision || decision?.at !== item.decision?.at) changed++;
    await outbox.change(item.clientReportId, (i) => ({ ...i, decision, decisionCheckedAt: now() }));
  }
  return changed;
}
