import { OUTBOX_KEY, OutboxItemSchema, payloadOf, type OutboxItem, type ReportDraft } from '../shared/report.js';

/**
 * The persistent outbox: every report from the moment the moderator sends it until its verdict comes
 * back, in chrome.storage.local, so a report survives the worker being stopped, the browser closing
 * and the machine going offline. Each item gets its clientReportId when it is created, and keeps it
 * through every retry: the server stores one report per clientReportId, so a retry after a lost
 * answer cannot create a second report.
 */

/** Finished reports (done or rejected) kept for the popup's history; unfinished ones are never dropped. */
export const KEEP_FINISHED = 30;

/** The part of chrome.storage.local the outbox uses (a fake in unit tests). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface OutboxClock {
  readonly now: () => number;
  readonly newId: () => string;
}

const defaultClock: OutboxClock = { now: () => Date.now(), newId: () => crypto.randomUUID() };

export const isUnfinished = (item: OutboxItem) => item.stage === 'pending' || item.stage === 'sent';

export class Outbox {
  // Read-modify-write steps run one after the other: the popup, the menus, alarms and timers all
  // change the outbox, and two interleaved writes would lose one of them.
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: KeyValueArea,
    private readonly clock: OutboxClock = defaultClock,
  ) {}

  /** Every item, newest first. */
  items(): Promise<OutboxItem[]> {
    return this.serialized(() => this.read());
  }

  /** Queues a new report; `blocked` says it cannot be sent yet (no server configured). */
  add(draft: ReportDraft, blocked: OutboxItem['blocked'] = null): Promise<OutboxItem> {
    return this.update((items) => {
      const item = pendingItem(draft, this.clock.newId(), this.clock.now(), blocked);
      items.unshift(item);
      return item;
    });
  }

  /** Replaces one item by what `change` makes of it (same clientReportId); null if it is gone. */
  change(clientReportId: string, change: (item: OutboxItem) => OutboxItem): Promise<OutboxItem | null> {
    return this.update((items) => {
      const index = items.findIndex((i) => i.clientReportId === clientReportId);
      if (index < 0) return null;
      const next = { ...change(items[index]!), clientReportId };
      items[index] = next;
      return next;
    });
  }

  /** Applies `change` to every unfinished item (unblocking after new settings, "Retry now"). */
  changeUnfinished(change: (item: OutboxItem) => OutboxItem): Promise<number> {
    return this.update((items) => {
      let n = 0;
      items.forEach((item, k) => {
        if (!isUnfinished(item)) return;
        items[k] = { ...change(item), clientReportId: item.clientReportId };
        n++;
      });
      return n;
    });
  }

  private async read(): Promise<OutboxItem[]> {
    const raw = (await this.area.get(OUTBOX_KEY))[OUTBOX_KEY];
    if (!Array.isArray(raw)) return [];
    const items: OutboxItem[] = [];
    for (const entry of raw) {
      const parsed = OutboxItemSchema.safeParse(entry);
      // An item this version cannot read is dropped with a trace rather than blocking every other report.
      if (parsed.success) items.push(parsed.data);
      else console.warn('faceleak: dropping an unreadable outbox item', parsed.error.issues[0]);
    }
    return items;
  }

  private update<T>(change: (items: OutboxItem[]) => T): Promise<T> {
    return this.serialized(async () => {
      const items = await this.read();
      const result = change(items);
      await this.area.set({ [OUTBOX_KEY]: prune(items) });
      return result;
    });
  }

  private serialized<T>(step: () => Promise<T>): Promise<T> {
    const run = this.tail.then(step, step);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** Keeps every unfinished item and the newest KEEP_FINISHED finished ones, newest first. */
export function prune(items: readonly OutboxItem[]): OutboxItem[] {
  const sorted = [...items].sort((a, b) => b.createdAt - a.createdAt);
  let finished = 0;
  return sorted.filter((item) => isUnfinished(item) || ++finished <= KEEP_FINISHED);
}

/** A report just queued: nothing has happened to it yet. */
export function pendingItem(draft: ReportDraft, clientReportId: string, now: number, blocked: OutboxItem['blocked'] = null): OutboxItem {
  return {
    clientReportId,
    payload: payloadOf(draft, clientReportId),
    createdAt: now,
    stage: 'pending',
    attempts: 0,
    nextAt: now,
    blocked,
    lastError: blocked === 'setup' ? 'set the server and token in the extension options' : null,
    serverId: null,
    status: null,
    verdict: null,
    serverError: null,
    unreachableSince: null,
    decision: null,
    decisionCheckedAt: null,
  };
}
