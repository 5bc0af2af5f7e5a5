import { describe, expect, it } from 'vitest';
import { earlierSentence } from './earlier-report.js';
import { marksSentence } from './marks-sentence.js';
import { clip } from './page-preview.js';
import { inWords } from './report-view.js';

describe('what the popup says', () => {
  it('counts coded terms alone as coded terms', () => {
    expect(marksSentence({ term: 1, part: 0, signal: 0, context: 0 })).toBe('1 coded term marked on the page.');
    expect(marksSentence({ term: 2, part: 1, signal: 3, context: 0 })).toBe(
      '2 coded terms marked on the page, with 3 trade signals, 1 offer part. Hover a mark for its reason.',
    );
    expect(marksSentence({ term: 0, part: 0, signal: 0, context: 0 })).toBe('Nothing on this page to mark.');
  });

  it('shortens a long description at a word or sentence end, saying how much more is sent', () => {
    const text = `${'word '.repeat(70)}end`;
    const shown = clip(text, 100);
    expect(shown).toMatch(/^(word ){19}word… \(\d+ more characters, all sent\)$/);
    expect(clip('short', 100)).toBe('short');
  });
});

describe("the classifier's reasons in the popup", () => {
  it('name categories in the words of the dropdown', () => {
    expect(inWords('coded term for id_holding_photo (ambiguous alone)')).toBe('coded term for ID-holding photo (ambiguous alone)');
    expect(inWords('trade signal: price per unit')).toBe('trade signal: price per unit');
  });
});

describe('a page reported before', () => {
  it('says when, with the day when it was not today, and how it went', () => {
    const at = new Date(2026, 10, 30, 12, 10).getTime();
    expect(earlierSentence({ at, state: 'flagged' }, new Date(2026, 10, 30, 18, 0))).toMatch(/^You reported this page at 12:10( PM)? \(flagged\)\.$/);
    expect(earlierSentence({ at, state: 'queued' }, new Date(2026, 11, 2))).toMatch(/^You reported this page at 12:10( PM)? on .+ \(queued\)\.$/);
  });
});
