import { describe, expect, it } from 'vitest';
import { isFactsBlock } from './facts-block.js';

describe('a block of the listing facts, not its description', () => {
  it('is several short lines with no sentence: a price, a place, a seller and badges', () => {
    expect(isFactsBlock('£85\nLeeds, LS6 · Posted 2 days ago\nDana K.\nPhone verified')).toBe(true);
    expect(isFactsBlock('Ships from Shopco\nSold by Shopco')).toBe(true);
  });

  it('is one line of short facts joined by dots, one with a figure', () => {
    expect(isFactsBlock('Posted 2 days ago · Leeds, LS6 · Ad ID 77120453')).toBe(true);
    expect(isFactsBlock('Great condition · no scratches · pickup only')).toBe(false);
  });

  it("holds no line of prose: a sentence, or a long line, makes it the seller's text", () => {
    expect(isFactsBlock('£85\nBarely used, folds flat, comes with the rain cover.')).toBe(false);
    expect(isFactsBlock('£85\n搬家出去年双十一买的用了不到一年电池续航还有四十分钟左右吸头充电座挂架都在滤网刚洗过')).toBe(false);
  });

  it("does not count a shop template's line as a sentence, nor the title the block repeats", () => {
    expect(isFactsBlock('£64.00 GBP\nTax included. Shipping calculated at checkout.')).toBe(true);
    expect(
      isFactsBlock(
        'A very long listing title that runs on for more than seventy characters in all\n$380\nDenver',
        'A very long listing title that runs on for more than seventy characters in all',
      ),
    ).toBe(true);
  });

  it('leaves a one-line description alone', () => {
    expect(isFactsBlock('Barely used, works great')).toBe(false);
  });
});
