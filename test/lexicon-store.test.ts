import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, currentOverlay, decideSuggestion, pendingSuggestionCount, saveSuggestions, suggestions, type SuggestionInput } from '../store/index.js';
import { STORE_KINDS, type TestStore } from './helpers/stores.js';

const candidate = (term: string, n: number): SuggestionInput => ({
  term,
  matchKey: term.toLowerCase(),
  category: 'id_holding_photo',
  score: n / 10,
  support: { flagged: 0, review: n, benign: 0 },
  variants: [],
  examples: ['a', 'b'],
  why: `in ${n} review listings`,
});

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`lexicon suggestions on ${kind}`, () => {
    let t: TestStore;
    beforeEach(async () => (t = await open()));
    afterEach(() => t.cleanup());

    it('keeps pending ones fresh, holds decisions, and lets a rejected term back only when it spread', async () => {
      expect(await saveSuggestions(t.store, [candidate('Rookie Card', 8), candidate('hobby box', 6)])).toEqual({ added: 2, refreshed: 0, returned: 0 });
      expect(await pendingSuggestionCount(t.store)).toBe(2);
      const overlay = JSON.stringify({
        format: 'faceleak-lexicon-overlay/1',
        terms: [{ term: 'Rookie Card', category: 'id_holding_photo', needsSignal: true }],
      });
      expect(await decideSuggestion(t.store, 'rookie card', 'approved', 'inv-a', overlay, 'rookie card')).toBe(true);
      expect(await decideSuggestion(t.store, 'hobby box', 'rejected', 'inv-a', null, 'hobby box')).toBe(true);
      expect(await decideSuggestion(t.store, 'nothing', 'rejected', 'inv-a', null, 'x')).toBe(false);
      expect((await currentOverlay(t.store))?.overlay).toBe(overlay);
      // The next run finds both again: the approved one is left alone, the rejected one stays out until it doubles.
      expect(await saveSuggestions(t.store, [candidate('Rookie Card', 9), candidate('hobby box', 8)])).toEqual({ added: 0, refreshed: 0, returned: 0 });
      expect(await saveSuggestions(t.store, [candidate('hobby box', 12)])).toEqual({ added: 0, refreshed: 0, returned: 1 });
      expect((await suggestions(t.store)).map((s) => [s.term, s.status])).toEqual([['hobby box', 'pending']]);
      expect((await auditLog(t.store)).map((e) => [e.actor, e.action])).toEqual([
        ['inv-a', 'term-approve'],
        ['inv-a', 'term-reject'],
      ]);
    });
  });
}
