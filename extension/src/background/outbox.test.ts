import { describe, expect, it, vi } from 'vitest';
import { OUTBOX_KEY, type OutboxItem } from '../shared/report.js';
import { draft, FakeStorageArea, fakeClock, outboxItem } from '../testing/fakes.js';
import { KEEP_FINISHED, Outbox, prune } from './outbox.js';

describe('the outbox', () => {
  it('gives each report its own clientReportId when it is created, and sends only the allowed fields', async () => {
    const outbox = new Outbox(new FakeStorageArea(), fakeClock());
    const a = await outbox.add(draft({ note: 'seen twice this week', suspectedCategory: 'id_holding_photo' }));
    const b = await outbox.add(draft());
    expect(a.clientReportId).not.toBe(b.clientReportId);
    expect(a.payload).toEqual({
      url: 'https://m.example/item/1',
      title: '手持身份证照 一套三张',
      description: '加V详聊 五毛一张',
      price: '¥8/套',
      seller: 'seller-a',
      note: 'seen twice this week',
      suspectedCategory: 'id_holding_photo',
      clientReportId: a.clientReportId,
    });
    expect(a).toMatchObject({ stage: 'pending', attempts: 0, blocked: null, serverId: null });
  });

  it('cuts fields to the server limits and leaves empty ones out', async () => {
    const outbox = new Outbox(new FakeStorageArea(), fakeClock());
    const item = await outbox.add(draft({ title: 'x'.repeat(5000), description: '   ', price: null }));
    expect(item.payload.title).toHaveLength(2000);
    expect(item.payload).not.toHaveProperty('description');
    expect(item.payload).not.toHaveProperty('price');
  });

  describe('when the browser restarts', () => {
    it('keeps every report and its state (a new Outbox on the same storage reads them back)', async () => {
      const area = new FakeStorageArea();
      const first = new Outbox(area, fakeClock());
      const item = await first.add(draft());
      await first.change(item.clientReportId, (i) => ({ ...i, attempts: 3, lastError: 'cannot reach the server' }));
      const afterRestart = await new Outbox(area, fakeClock()).items();
      expect(afterRestart).toHaveLength(1);
      expect(afterRestart[0]).toMatchObject({ clientReportId: item.clientReportId, stage: 'pending', attempts: 3, lastError: 'cannot reach the server' });
    });

    it('drops an item it cannot read rather than losing the others', async () => {
      const area = new FakeStorageArea();
      const outbox = new Outbox(area, fakeClock());
      const good = await outbox.add(draft());
      const stored = (await area.get(OUTBOX_KEY))[OUTBOX_KEY] as unknown[];
      await area.set({ [OUTBOX_KEY]: [...stored, { clientReportId: 'garbage' }] });
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      expect((await outbox.items()).map((i) => i.clientReportId)).toEqual([good.clientReportId]);
      expect(warn).toHaveBeenCalledWith('faceleak: dropping an unreadable outbox item', expect.objectContaining({ path: ['clientReportId'] }));
      warn.mockRestore();
    });
  });

  it('applies concurrent changes one after the other, losing none', async () => {
    const clock = fakeClock();
    const outbox = new Outbox(new FakeStorageArea(), clock);
    const added = await Promise.all([1, 2, 3, 4, 5].map((n) => outbox.add(draft({ url: `https://m.example/item/${n}` }))));
    await Promise.all(added.map((item, k) => outbox.change(item.clientReportId, (i) => ({ ...i, attempts: k + 1 }))));
    const items = await outbox.items();
    expect(items).toHaveLength(5);
    expect(items.map((i) => i.attempts).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('never drops an unfinished report, and keeps only the newest finished ones', () => {
    const clock = fakeClock();
    const make = (n: number, stage: OutboxItem['stage']): OutboxItem => outboxItem({ clientReportId: clock.newId(), createdAt: n, stage });
    const old = [make(0, 'pending'), make(1, 'sent')];
    const finished = Array.from({ length: KEEP_FINISHED + 10 }, (_, n) => make(100 + n, n % 2 ? 'done' : 'rejected'));
    const kept = prune([...old, ...finished]);
    expect(kept).toHaveLength(KEEP_FINISHED + 2);
    expect(kept).toEqual(expect.arrayContaining(old));
    expect(kept[0]!.createdAt).toBe(100 + KEEP_FINISHED + 9);
  });
});
