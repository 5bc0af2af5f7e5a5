import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../contracts/index.js';
import type { OutboxItem } from '../shared/report.js';
import { draft } from '../testing/fakes.js';
import { describeReport } from './describe-report.js';

const done = (verdict: Partial<Verdict>): OutboxItem => ({
  clientReportId: crypto.randomUUID(),
  payload: { ...draft(), clientReportId: crypto.randomUUID() } as OutboxItem['payload'],
  createdAt: 0,
  stage: 'done',
  attempts: 0,
  nextAt: 0,
  blocked: null,
  lastError: null,
  serverId: 'r1',
  status: 'classified',
  verdict: { flagged: false, review: false, category: null, score: 0.1, evidence: [], modelVersion: 'm', ...verdict },
  serverError: null,
});

describe('how a classified report reads in the popup', () => {
  it('says flagged, needs review, or not flagged, each in its own tone', () => {
    expect(describeReport(done({ flagged: true, category: 'id_holding_photo', score: 0.97 }))).toMatchObject({ label: 'classified', tone: 'flagged' });
    expect(describeReport(done({ review: true, score: 0.41 }))).toEqual({
      label: 'needs review',
      detail: 'not flagged, but sent to an investigator (score 0.41)',
      tone: 'review',
    });
    expect(describeReport(done({ score: 0.02 }))).toMatchObject({ label: 'classified', detail: 'not flagged, score 0.02', tone: 'clear' });
  });
});
