import { describe, expect, it } from 'vitest';
import { FakeStorageArea, fakeClock, outboxItem } from '../testing/fakes.js';
import type { ApiClient, ApiOutcome, ReportState } from './api-client.js';
import { awaitsDecision, DECISION_RECHECK_MS, refreshDecisions } from './decisions.js';
import { Outbox } from './outbox.js';

const R1 = '0b7c6a9e-3f1d-4c2a-9e8b-5d4f3a2b1c0d';

function api(answer: () => ApiOutcome<ReportState>) {
  const asked: string[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  const client: ApiClient = {
    submit: unused,
    me: unused,
    sites: unused,
    lexicon: unused,
    probe: unused,
    myReportsOf: unused,
    reportState: async (id, options) => {
      asked.push(`${id}${options?.withVerdict === false ? ' without verdict' : ''}`);
      return answer();
    },
  };
  return { client, asked };
}

describe("the investigators' decisions on my reports", () => {
  it('are asked for on classified reports until decided, escalated ones included, and not more often than every few seconds', () => {
    const now = 1_000_000_000;
    const classified = outboxItem({ stage: 'done', status: 'classified', serverId: R1, createdAt: now - 1000 });
    expect(awaitsDecision(classified, now)).toBe(true);
    expect(awaitsDecision({ ...classified, decisionCheckedAt: now - 1000 }, now)).toBe(false);
    expect(awaitsDecision({ ...classified, decisionCheckedAt: now - DECISION_RECHECK_MS }, now)).toBe(true);
    expect(awaitsDecision({ ...classified, decision: { decision: 'confirmed', at: '2026-11-30T10:00:00Z' } }, now)).toBe(false);
    expect(awaitsDecision({ ...classified, decision: { decision: 'escalated', at: '2026-11-30T10:00:00Z' } }, now)).toBe(true);
    expect(awaitsDecision({ ...classified, stage: 'sent' }, now)).toBe(false);
    expect(awaitsDecision({ ...classified, status: 'failed' }, now)).toBe(false);
  });

  it("keeps the decision the report's status carries", async () => {
    const clock = fakeClock();
    const outbox = new Outbox(new FakeStorageArea(), clock);
    const added = await outbox.add({ url: 'https://m.example/1', title: 't', description: null, price: null, seller: null });
    await outbox.change(added.clientReportId, (i) => ({ ...i, stage: 'done', status: 'classified', serverId: R1 }));
    const decision = { decision: 'dismissed' as const, at: '2026-11-30T12:10:00.000Z' };
    const { client, asked } = api(() => ({ kind: 'ok', value: { id: R1, status: 'classified', decision } }));
    expect(await refreshDecisions(outbox, client, clock.now)).toBe(1);
    expect((await outbox.items())[0]).toMatchObject({ decision, decisionCheckedAt: clock.now() });
    expect(asked).toEqual([`${R1} without verdict`]);
    // Decided: not asked again.
    clock.advance(60_000);
    expect(await refreshDecisions(outbox, client, clock.now)).toBe(0);
    expect(asked).toHaveLength(1);
  });
});
