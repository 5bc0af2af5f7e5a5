import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../lexicon/load.js';
import { analyzeListing } from '../rules/analyze.js';
import { DEFAULT_TRAIN_CONFIG } from './train.js';
import { extractFeatures } from './features.js';

const lexicon = loadLexicon();
// Lines no rule reads (the background block alone), distinct so none is read once as a repeat.
const PADDING = [
  'Our cat has taken over the packing table again.',
  'The weather was lovely this morning by the river.',
  'Thanks for stopping by and have a nice weekend.',
  'The owner is off today and back on Monday morning.',
  'Lorem ipsum dolor sit amet consectetur adipiscing elit.',
];

/** The sum of a listing's feature values: what a padding block adds to it, whatever its words weigh. */
function total(description: string): number {
  const analysis = analyzeListing(lexicon, { title: 'old studio originals, plenty in stock', description });
  const { x, offer } = extractFeatures(analysis, DEFAULT_TRAIN_CONFIG);
  expect(offer.structures.has('concrete')).toBe(false);
  return x.value.reduce((s, v) => s + v, 0);
}

describe('the side blocks of a listing', () => {
  it('are averaged: five lines of padding add no more feature mass than one (fixed-length scaling grew it as √5)', () => {
    const one = total(PADDING[0]!);
    const five = total(PADDING.join(' '));
    const none = total('');
    expect(one - none).toBeGreaterThan(1);
    expect(Math.abs(five - one)).toBeLessThan(0.01);
  });
});
