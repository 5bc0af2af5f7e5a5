import { describe, expect, it } from 'vitest';
import { FakeStorageArea } from '../testing/fakes.js';
import type { ApiClient, ApiOutcome, ApprovedLexicon } from './api-client.js';
import { APPROVED_FRESH_MS, approvedOverlay, freshApprovedOverlay, refreshApprovedTerms } from './approved-terms.js';

const SERVER = 'https://faceleak.example';
const OVERLAY = {
  format: 'faceleak-lexicon-overlay/1',
  terms: [{ term: '雾面照', variants: ['wu mian zhao'], category: 'id_holding_photo', needsSignal: true, weight: 2 }],
};

/** A client whose GET /api/v1/lexicon answers with the outcomes given, in turn. */
function answering(...outcomes: ApiOutcome<ApprovedLexicon>[]): ApiClient {
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  return { submit: unused, reportState: unused, me: unused, sites: unused, probe: unused, myReportsOf: unused, lexicon: async () => outcomes.shift()! };
}
const terms = async (area: FakeStorageArea, server: string | null = SERVER) => (await approvedOverlay(server, area))?.terms.map((t) => t.term) ?? null;

describe("the server's approved terms", () => {
  it('caches the overlay per server and keeps it when the server cannot be reached', async () => {
    const area = new FakeStorageArea();
    expect(await terms(area)).toBeNull();
    const api = answering(
      { kind: 'ok', value: { version: 'ov-1', overlay: OVERLAY } },
      { kind: 'retry', cause: 'network', reason: 'cannot reach the server', retryAfterMs: null },
      { kind: 'auth', status: 401, reason: 'revoked', code: 'FL_UNAUTHORIZED' },
    );
    await refreshApprovedTerms(api, SERVER, area);
    expect(await terms(area)).toEqual(['雾面照']);
    await refreshApprovedTerms(api, SERVER, area);
    await refreshApprovedTerms(api, SERVER, area);
    expect(await terms(area)).toEqual(['雾面照']);
    // Another server's approvals are not this one's; nor are they for no server.
    expect(await terms(area, 'https://other.example')).toBeNull();
    expect(await terms(area, null)).toBeNull();
  });

  it('forgets the terms when the server has none, or none it can say (404 from an older server)', async () => {
    const area = new FakeStorageArea();
    await refreshApprovedTerms(answering({ kind: 'ok', value: { version: 'ov-1', overlay: OVERLAY } }), SERVER, area);
    await refreshApprovedTerms(answering({ kind: 'ok', value: { version: null, overlay: null } }), SERVER, area);
    expect(await terms(area)).toBeNull();
    await refreshApprovedTerms(answering({ kind: 'ok', value: { version: 'ov-1', overlay: OVERLAY } }), SERVER, area);
    await refreshApprovedTerms(answering({ kind: 'reject', status: 404, reason: 'not found', code: 'FL_NOT_FOUND' }), SERVER, area);
    expect(await terms(area)).toBeNull();
  });

  it('ignores an overlay the lexicon cannot read, leaving the shipped lexicon', async () => {
    const area = new FakeStorageArea();
    await refreshApprovedTerms(answering({ kind: 'ok', value: { version: 'ov-x', overlay: { terms: [{ term: '', category: 'nope' }] } } }), SERVER, area);
    expect(await terms(area)).toBeNull();
  });

  it('asks the server again when the highlighter needs terms and its copy is older than a few minutes, not before', async () => {
    const area = new FakeStorageArea();
    let asked = 0;
    const later = { ...OVERLAY, terms: [...OVERLAY.terms, { ...OVERLAY.terms[0]!, term: '雾面包' }] };
    const api = answering({ kind: 'ok', value: { version: 'ov-1', overlay: OVERLAY } }, { kind: 'ok', value: { version: 'ov-2', overlay: later } });
    const counted: ApiClient = { ...api, lexicon: () => (asked++, api.lexicon()) };
    const t0 = 1_000_000;
    const seen = async (now: number) => (await freshApprovedOverlay(counted, SERVER, area, now))?.terms.map((t) => t.term);
    expect(await seen(t0)).toEqual(['雾面照']); // nothing cached: fetched
    expect(await seen(t0 + APPROVED_FRESH_MS - 1)).toEqual(['雾面照']); // fresh: no request
    expect(asked).toBe(1);
    expect(await seen(t0 + APPROVED_FRESH_MS)).toEqual(['雾面照', '雾面包']); // stale: the newly approved term arrives
    expect(asked).toBe(2);
  });
});
