import { describe, expect, it } from 'vitest';
import type { DecidedListing } from '../../contracts/index.js';
import { labelsFromDecisions } from './from-decisions.js';

const listing = (over: Partial<DecidedListing>): DecidedListing => ({
  id: 1,
  title: 't',
  description: null,
  price: null,
  flagged: false,
  category: null,
  suspectedCategory: null,
  decision: 'dismissed',
  ...over,
});

describe('labelsFromDecisions', () => {
  it('labels confirmed listings by category and dismissed ones as benign, hard when the model flagged them', () => {
    const labels = labelsFromDecisions([
      listing({ id: 1, title: '手持证件照 三张', decision: 'confirmed', flagged: true, category: 'id_holding_photo' }),
      listing({ id: 2, title: 'KYC selfie pack', decision: 'confirmed', suspectedCategory: 'identity_kit' }),
      listing({ id: 3, title: '证件照 white background', decision: 'dismissed', flagged: true, category: 'id_holding_photo' }),
      listing({ id: 4, title: 'a benign mug', decision: 'dismissed' }),
      listing({ id: 5, title: 'no category anywhere', decision: 'confirmed' }),
      listing({ id: 6, title: '  ', description: null, decision: 'dismissed' }),
    ]);
    expect(labels.items.map((i) => [i.id, i.label, i.lang, i.hardNegative])).toEqual([
      ['decision-1', 'id_holding_photo', 'zh', false],
      ['decision-2', 'identity_kit', 'en', false],
      ['decision-3', 'benign', 'mix', true],
      ['decision-4', 'benign', 'en', false],
    ]);
    expect([labels.confirmed, labels.dismissed, labels.skipped]).toEqual([2, 2, 1]);
    expect(labelsFromDecisions([listing({ id: 4, title: 'a benign mug' })]).hash).not.toBe(labels.hash);
  });
});
