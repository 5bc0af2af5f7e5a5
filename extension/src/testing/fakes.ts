import { pendingItem, type KeyValueArea } from '../background/outbox.js';
import type { OutboxItem, ReportDraft } from '../shared/report.js';

/**
 * A stand-in for chrome.storage.local in unit tests: values go through JSON as the real area
 * serializes them, so a test sees only what would survive a browser restart.
 */
export class FakeStorageArea implements KeyValueArea {
  readonly data = new Map<string, string>();
  writes = 0;

  async get(key: string): Promise<Record<string, unknown>> {
    const raw = this.data.get(key);
    return raw === undefined ? {} : { [key]: JSON.parse(raw) as unknown };
  }

  async set(items: Record<string, unknown>): Promise<void> {
    // A real write takes a turn of the event loop; so does this one, which lets races show.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.stringify(value));
    this.writes++;
  }
}

/** A clock that moves only when told, and ids that count up. */
export function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  let n = 0;
  return {
    now: () => now,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A draft with overrides (a factory, so each test says only what matters to it). */
export const draft = (over: Partial<ReportDraft> = {}): ReportDraft => ({
  url: 'https://m.example/item/1',
  title: '手持身份证照 一套三张',
  description: '加V详聊 五毛一张',
  price: '¥8/套',
  seller: 'seller-a',
  ...over,
});

/** An outbox item with overrides: a pending report of draft() that nothing has happened to yet. */
export const outboxItem = (over: Partial<OutboxItem> = {}): OutboxItem => {
  return { ...pendingItem(draft(), over.clientReportId ?? '00000000-0000-4000-8000-000000000000', 0), ...over };
};
