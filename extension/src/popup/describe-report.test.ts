import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../contracts/index.js';
import type { OutboxItem } from '../shared/report.js';
import { outboxItem } from '../testing/fakes.js';
import { decisionWords, describeReport, verdictSentence } from './describe-report.js';

const done = (verdict: Partial<Verdict>): OutboxItem =>
  outboxItem({
    stage: 'done',
    serverId: 'r1',
    status: 'classified',
    verdict: { flagged: false, review: false, category: null, score: 0.1, evidence: [], modelVersion: 'm', ...verdict },
  });

describe('how a classified report reads in the popup', () => {
  it('says flagged, needs review, or not flagged in words and with its own icon, not only in its tone', () => {
    const outcomes = [done({ flagged: true, category: 'id_holding_photo', score: 0.97 }), done({ review: true, score: 0.41 }), done({ score: 0.02 })].map(
      describeReport,
    );
    expect(outcomes.map((o) => [o.label, o.tone])).toEqual([
      ['flagged', 'flagged'],
      ['needs review', 'review'],
      ['not flagged', 'clear'],
    ]);
    expect(new Set(outcomes.map((o) => o.icon)).size).toBe(3);
  });

  it('says the verdict once, in the words of the category dropdown', () => {
    expect(verdictSentence(done({ flagged: true, category: 'face_bundle', score: 0.97 }).verdict!)).toBe('Flagged as face photo bundle (score 0.97).');
    expect(describeReport(done({ flagged: true })).detail).toBe('');
  });

  it('says what investigators decided, and when', () => {
    expect(decisionWords({ decision: 'confirmed', at: '2026-11-30T12:10:00Z' }).text).toMatch(/^Investigators confirmed it on .+ at .+: a face-data sale\.$/);
    expect(decisionWords({ decision: 'dismissed', at: '2026-11-30T12:10:00Z' }).icon).toBe('✖');
  });
});
