import type { OutboxItem } from '../shared/report.js';
import type { Accepted, ApiClient, ApiOutcome, ReportState } from './api-client.js';
import { backoffDelay, pollDelay, probeDelay } from './backoff.js';
import { isUnfinished, type Outbox } from './outbox.js';

/**
 * One delivery pass: sends the outbox's pending reports and polls the status of sent ones, each when
 * it is due, one request at a time; returns when the next one is due (null: nothing to wait for).
 * The transitions are pure functions of an item and an API outcome, so the rules are tested alone.
 */

/** A report whose verdict has not come after this long stops being polled (the popup says so). */
export const GIVE_UP_POLLING_MS = 3 * 24 * 3600_000;
const AUTH_HINT = 'fix the token in the extension options';

export interface DeliveryDeps {
  readonly outbox: Outbox;
  /** null while no server is configured. */
  readonly api: ApiClient | null;
  readonly now: () => number;
  readonly random: () => number;
  /** navigator.onLine: offline, probing is pointless (the 'online' event kicks delivery instead). Default: online. */
  readonly online?: () => boolean;
}

export async function deliverDue(deps: DeliveryDeps): Promise<number | null> {
  if (deps.api) await probeIfSilent(deps, deps.api);
  for (const item of await deps.outbox.items()) {
    if (!isDue(item, deps.now())) continue;
    if (!deps.api) {
      await deps.outbox.change(item.clientReportId, (i) => ({ ...i, blocked: 'setup', lastError: 'set the server and token in the extension options' }));
      continue;
    }
    if (item.stage === 'pending') {
      const outcome = await deps.api.submit(item.payload);
      await deps.outbox.change(item.clientReportId, (i) => (i.stage === 'pending' ? afterSend(i, outcome, deps.now(), deps.random) : i));
    } else if (item.serverId !== null) {
      const outcome = await deps.api.reportState(item.serverId);
      await deps.outbox.change(item.clientReportId, (i) => (i.stage === 'sent' ? afterPoll(i, outcome, deps.now(), deps.random) : i));
    }
  }
  const items = await deps.outbox.items();
  return earliest(nextWake(items), deps.api && deps.online?.() !== false ? nextProbe(items, deps.now(), deps.random) : null);
}

/** Reports waiting on a server that did not answer, not yet due to be sent again. */
const waitingOnSilence = (item: OutboxItem, now: number) => isUnfinished(item) && item.blocked === null && item.unreachableSince !== null && item.nextAt > now;

/**
 * While reports wait on a silent server, one cheap probe per pass: when something answers again,
 * every such report is due now instead of at the end of its backoff. A server that answers with an
 * error is never probed (its backoff or Retry-After holds), so a struggling server is not pressed.
 */
async function probeIfSilent(deps: DeliveryDeps, api: ApiClient): Promise<void> {
  if (deps.online?.() === false) return;
  if (!(await deps.outbox.items()).some((i) => waitingOnSilence(i, deps.now()))) return;
  if (!(await api.probe())) return;
  const now = deps.now();
  await deps.outbox.changeUnfinished((i) => (waitingOnSilence(i, now) ? { ...i, nextAt: now } : i));
}

/** When to probe next: soon after an outage starts, less often the longer it lasts (backoff.ts probeDelay). */
export function nextProbe(items: readonly OutboxItem[], now: number, random: () => number): number | null {
  const since = items.filter((i) => waitingOnSilence(i, now)).map((i) => i.unreachableSince!);
  return since.length === 0 ? null : now + probeDelay(now - Math.min(...since), random);
}

const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

export const isDue = (item: OutboxItem, now: number) => isUnfinished(item) && item.blocked === null && item.nextAt <= now;

/** The earliest time an item wants attention, or null. */
export function nextWake(items: readonly OutboxItem[]): number | null {
  let next: number | null = null;
  for (const item of items) if (isUnfinished(item) && item.blocked === null) next = Math.min(next ?? Infinity, item.nextAt);
  return next;
}

/** A send or poll that may succeed later: back off (or wait as told), or wait for new settings on 401/403. */
function afterSetback(item: OutboxItem, outcome: Extract<ApiOutcome<unknown>, { kind: 'retry' | 'auth' }>, now: number, random: () => number): OutboxItem {
  if (outcome.kind === 'auth') return { ...item, blocked: 'auth', unreachableSince: null, lastError: `${outcome.reason}: ${AUTH_HINT}` };
  const attempts = item.attempts + 1;
  // Silence starts an outage (probed for); any answer, even an error, ends it.
  const unreachableSince = outcome.cause === 'network' ? (item.unreachableSince ?? now) : null;
  return { ...item, attempts, unreachableSince, nextAt: now + (outcome.retryAfterMs ?? backoffDelay(attempts, random)), lastError: outcome.reason };
}

/** The item after one try to send it. */
export function afterSend(item: OutboxItem, outcome: ApiOutcome<Accepted>, now: number, random: () => number): OutboxItem {
  switch (outcome.kind) {
    case 'ok':
      // Accepted: from now on only its status is asked for, first soon (classification takes seconds).
      return {
        ...item,
        stage: 'sent',
        serverId: outcome.value.id,
        status: outcome.value.status,
        attempts: 0,
        nextAt: now + pollDelay(0),
        lastError: null,
        blocked: null,
        unreachableSince: null,
      };
    case 'retry':
    case 'auth':
      return afterSetback(item, outcome, now, random);
    case 'reject':
      return { ...item, stage: 'rejected', lastError: `the server refused this report: ${outcome.reason}` };
  }
}

/** The item after one poll of its status. */
export function afterPoll(item: OutboxItem, outcome: ApiOutcome<ReportState>, now: number, random: () => number): OutboxItem {
  switch (outcome.kind) {
    case 'ok': {
      const state = outcome.value;
      const finished = state.status === 'classified' || state.status === 'failed';
      const progressed = state.status !== item.status;
      const polls = progressed ? 0 : item.attempts + 1;
      const base = {
        ...item,
        status: state.status,
        verdict: state.verdict ?? item.verdict,
        decision: state.decision ?? item.decision,
        serverError: state.error ?? null,
        lastError: null,
        blocked: null,
        unreachableSince: null,
      };
      // The decision came with this answer (if any): decisions.ts asks again later, not right away.
      if (finished) return { ...base, stage: 'done', attempts: 0, decisionCheckedAt: now };
      if (now - item.createdAt > GIVE_UP_POLLING_MS) return { ...base, stage: 'done', lastError: 'no verdict after three days; stopped asking' };
      return { ...base, attempts: polls, nextAt: now + pollDelay(polls) };
    }
    case 'retry':
    case 'auth':
      return afterSetback(item, outcome, now, random);
    case 'reject':
      // 404: the server no longer has it (or it is another moderator's); nothing more will come.
      return { ...item, stage: 'done', lastError: `the server cannot show this report: ${outcome.reason}` };
  }
}
