import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../contracts/index.js';
import type { ReportPayload } from '../shared/report.js';
import { draft, FakeStorageArea, fakeClock, outboxItem } from '../testing/fakes.js';
import type { Accepted, ApiClient, ApiOutcome, ReportState } from './api-client.js';
import { deliverDue, nextWake } from './delivery.js';
import { Outbox } from './outbox.js';
import { DeliveryScheduler } from './scheduler.js';

const VERDICT: Verdict = {
  flagged: true,
  review: false,
  category: 'id_holding_photo',
  score: 0.99,
  evidence: [{ field: 'title', start: 0, end: 6, text: '手持身份证照', reason: 'coded term for id_holding_photo' }],
  modelVersion: 'm1',
};
const down: ApiOutcome<never> = { kind: 'retry', cause: 'network', reason: 'cannot reach the server', retryAfterMs: null };

/**
 * A server fake that keeps reports by clientReportId the way the real one does, and answers each call
 * with the next scripted outcome ('store' stores and accepts, like the real server).
 */
class FakeServer implements ApiClient {
  readonly received: ReportPayload[] = [];
  readonly stored = new Map<string, string>();
  sendScript: (ApiOutcome<Accepted> | 'store')[] = [];
  statusScript: ReportState['status'][] = [];
  polls = 0;
  /** Whether a probe finds the server (GET /healthz answers), and how many probes came. */
  up = false;
  probes = 0;

  async submit(payload: ReportPayload): Promise<ApiOutcome<Accepted>> {
    this.received.push(payload);
    const step = this.sendScript.shift() ?? 'store';
    if (step !== 'store') return step;
    const id = this.stored.get(payload.clientReportId) ?? `srv-${this.stored.size + 1}`;
    this.stored.set(payload.clientReportId, id);
    return { kind: 'ok', value: { id, status: 'queued' } };
  }
  async reportState(id: string): Promise<ApiOutcome<ReportState>> {
    this.polls++;
    const status = this.statusScript.shift() ?? 'classified';
    return { kind: 'ok', value: { id, status, ...(status === 'classified' ? { verdict: VERDICT } : {}) } };
  }
  async probe(): Promise<boolean> {
    this.probes++;
    return this.up;
  }
  async me(): Promise<never> {
    throw new Error('not used');
  }
  async sites(): Promise<never> {
    throw new Error('not used');
  }
  async myReportsOf(): Promise<never> {
    throw new Error('not used');
  }
  async lexicon(): Promise<never> {
    throw new Error('not used');
  }
}

function setup() {
  const clock = fakeClock();
  const area = new FakeStorageArea();
  const outbox = new Outbox(area, clock);
  const server = new FakeServer();
  const deps = { outbox, api: server as ApiClient | null, now: clock.now, random: () => 0.5 };
  const item = async () => (await outbox.items())[0]!;
  return { clock, area, outbox, server, deps, item };
}

describe('delivering the outbox', () => {
  it('sends a report, polls it until classified, and keeps the verdict', async () => {
    const { clock, outbox, server, deps, item } = setup();
    await outbox.add(draft());
    server.statusScript = ['queued', 'processing', 'classified'];
    let wake = await deliverDue(deps);
    expect(await item()).toMatchObject({ stage: 'sent', serverId: 'srv-1', status: 'queued' });
    for (let k = 0; k < 3 && wake !== null; k++) {
      clock.advance(wake - clock.now());
      wake = await deliverDue(deps);
    }
    expect(await item()).toMatchObject({ stage: 'done', status: 'classified', verdict: VERDICT });
    expect(wake).toBeNull();
    expect(server.received).toHaveLength(1);
  });

  it('retries while the server is down with growing, jittered delays, always with the same clientReportId', async () => {
    const { clock, outbox, server, deps, item } = setup();
    const added = await outbox.add(draft());
    server.sendScript = [down, down, down, { kind: 'retry', cause: 'server', reason: 'HTTP 503', retryAfterMs: null }];
    const delays: number[] = [];
    for (let k = 0; k < 4; k++) {
      await deliverDue(deps);
      const due = (await item()).nextAt;
      delays.push(due - clock.now());
      // Before it is due nothing is sent again (the server is silent: passes in between only probe).
      clock.advance(due - clock.now() - 1);
      await deliverDue(deps);
      clock.advance(1);
    }
    expect(delays).toEqual([1500, 3000, 6000, 12000]); // 2 s · 2^n with equal jitter at random() = 0.5
    expect((await item()).lastError).toBe('HTTP 503');
    await deliverDue(deps);
    expect(await item()).toMatchObject({ stage: 'sent', serverId: 'srv-1', attempts: 0 });
    expect(server.received.map((p) => p.clientReportId)).toEqual(Array(5).fill(added.clientReportId));
    expect(server.stored.size).toBe(1);
  });

  it('waits as long as a 429 asks', async () => {
    const { clock, outbox, server, deps } = setup();
    await outbox.add(draft());
    server.sendScript = [{ kind: 'retry', cause: 'server', reason: 'rate limited', retryAfterMs: 42_000 }];
    expect(await deliverDue(deps)).toBe(clock.now() + 42_000);
  });

  it("gives a report up with the server's message on a 4xx, and holds it on a refused token until new settings", async () => {
    const { outbox, server, deps } = setup();
    const refused = await outbox.add(draft({ url: 'https://m.example/item/2' }));
    const unauthorized = await outbox.add(draft({ url: 'https://m.example/item/3' }));
    server.sendScript = [
      { kind: 'auth', status: 401, reason: 'unknown or revoked token', code: 'FL_UNAUTHORIZED' },
      { kind: 'reject', status: 400, reason: 'body.url: must be an absolute http(s) URL', code: 'FL_BAD_REQUEST' },
    ];
    expect(await deliverDue(deps)).toBeNull();
    const byId = new Map((await outbox.items()).map((i) => [i.clientReportId, i]));
    expect(byId.get(refused.clientReportId)).toMatchObject({
      stage: 'rejected',
      lastError: 'the server refused this report: body.url: must be an absolute http(s) URL',
    });
    expect(byId.get(unauthorized.clientReportId)).toMatchObject({ stage: 'pending', blocked: 'auth' });
    expect(byId.get(unauthorized.clientReportId)!.lastError).toMatch(/unknown or revoked token.*fix the token in the extension options/);
  });

  it('holds reports while no server is configured', async () => {
    const { outbox, deps, item } = setup();
    await outbox.add(draft());
    expect(await deliverDue({ ...deps, api: null })).toBeNull();
    expect(await item()).toMatchObject({ stage: 'pending', blocked: 'setup' });
  });

  describe('when delivery is kicked many times at once', () => {
    it('sends each report exactly once', async () => {
      const { outbox, server, deps } = setup();
      for (let n = 0; n < 3; n++) await outbox.add(draft({ url: `https://m.example/item/${n}` }));
      server.statusScript = ['queued', 'queued', 'queued'];
      const wakes: (number | null)[] = [];
      const scheduler = new DeliveryScheduler(() => deliverDue(deps), { wakeAt: (at) => wakes.push(at) });
      await Promise.all([scheduler.kick(), scheduler.kick(), scheduler.kick(), scheduler.kick()]);
      expect(server.received).toHaveLength(3);
      expect(new Set(server.received.map((p) => p.clientReportId)).size).toBe(3);
      // One pass, then exactly one more for the kicks that came during it.
      expect(wakes).toHaveLength(2);
    });
  });

  it('wakes for the earliest unfinished, unblocked item', () => {
    const base = outboxItem();
    expect(
      nextWake([
        { ...base, stage: 'pending', nextAt: 30, blocked: null },
        { ...base, stage: 'sent', nextAt: 20, blocked: null },
        { ...base, stage: 'pending', nextAt: 10, blocked: 'auth' },
        { ...base, stage: 'done', nextAt: 5, blocked: null },
      ]),
    ).toBe(20);
  });
});

describe('after an outage', () => {
  it('probes a silent server every few seconds and sends as soon as it answers, not at the end of the backoff', async () => {
    const { clock, outbox, server, deps, item } = setup();
    await outbox.add(draft());
    server.sendScript = [down, down, down, down, down, down];
    // Six failed sends: the next one is 32–64 s away.
    for (let k = 0; k < 6; k++) {
      if (k > 0) clock.advance((await item()).nextAt - clock.now());
      await deliverDue(deps);
    }
    const backoffAt = (await item()).nextAt;
    expect(backoffAt - clock.now()).toBeGreaterThanOrEqual(32_000);
    expect(await item()).toMatchObject({ stage: 'pending', attempts: 6, unreachableSince: expect.any(Number) });
    // While it is down, passes only probe (no report is sent), and come every 2–3 s.
    const sent = server.received.length;
    let wake = (await deliverDue(deps))!;
    expect(wake - clock.now()).toBeLessThanOrEqual(3_000);
    clock.advance(wake - clock.now());
    wake = (await deliverDue(deps))!;
    expect(server.received).toHaveLength(sent);
    expect(server.probes).toBeGreaterThanOrEqual(2);
    // Back: the next probe finds it, and the same pass sends the report.
    server.up = true;
    clock.advance(wake - clock.now());
    await deliverDue(deps);
    expect(clock.now()).toBeLessThan(backoffAt);
    expect(await item()).toMatchObject({ stage: 'sent', unreachableSince: null });
    expect(server.stored.size).toBe(1);
  });

  it('never probes a server that answers with errors: its backoff holds', async () => {
    const { outbox, server, deps, clock } = setup();
    await outbox.add(draft());
    server.sendScript = [{ kind: 'retry', cause: 'server', reason: 'queue down', retryAfterMs: null }];
    const wake = (await deliverDue(deps))!;
    expect(wake - clock.now()).toBe(1500);
    clock.advance(1000);
    await deliverDue(deps);
    expect(server.probes).toBe(0);
  });

  it('does not probe while the browser is offline', async () => {
    const { outbox, server, deps } = setup();
    await outbox.add(draft());
    server.sendScript = [down];
    await deliverDue(deps);
    const offline = { ...deps, online: () => false };
    await deliverDue(offline);
    expect(server.probes).toBe(0);
  });
});
