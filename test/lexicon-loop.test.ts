import { describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/index.js';
import { LiveClassifier, runDiscovery } from '../pipeline/index.js';
import { auditLog, createToken } from '../store/index.js';
import { PLANTED_PHONE, storePlantedMarket } from './fixtures/planted-jargon.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';

describe('code-word discovery, end to end in the server', () => {
  const s = apiTestScope(STORE_KINDS.sqlite, 'lexicon-loop');

  it('files suggestions from stored listings, an investigator approves one, and the next verdict uses it without a restart', async () => {
    const base = Classifier.load();
    const live = new LiveClassifier(base, s.t.store, 60_000);
    try {
      await storePlantedMarket(s.t.store, base);
      const filed = await runDiscovery({ store: s.t.store, classifier: live });
      expect(filed.added).toBeGreaterThan(0);

      const inv = await createToken(s.t.store, 'inv-l', 'investigator');
      const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
        s.app.inject({ method, url, payload, headers: { authorization: `Bearer ${inv}` } });
      const { items } = (await call('GET', '/api/v1/suggestions')).json();
      const found = items.find((i: { term: string }) => i.term === '雾面照');
      expect(found).toMatchObject({ category: 'id_holding_photo', status: 'pending' });
      expect(found.examples.length).toBeGreaterThan(0);
      // Examples are masked as listings are everywhere.
      expect(JSON.stringify(found.examples)).not.toContain(PLANTED_PHONE);
      expect(JSON.stringify(found.examples)).toContain('138******78'); // the listing with the number is among them, masked

      const before = live.classify({ title: '雾面照', description: '清楚的雾面照 一块一张 加v' });
      expect(before.evidence.some((e) => e.reason.startsWith('approved term'))).toBe(false);
      const decided = await call('POST', '/api/v1/suggestions/decision', { matchKey: found.matchKey, decision: 'approve', needsSignal: true });
      expect(decided.statusCode).toBe(201);
      expect((await call('POST', '/api/v1/suggestions/decision', { matchKey: found.matchKey, decision: 'reject' })).json().error.code).toBe('FL_CONFLICT');
      const { version, overlay } = (await call('GET', '/api/v1/lexicon')).json();
      expect(version).toBe(decided.json().overlayVersion);
      expect(overlay.terms.map((t: { term: string }) => t.term)).toEqual(['雾面照']);

      await live.refresh(); // what the worker's timer does every few seconds
      const after = live.classify({ title: '雾面照', description: '清楚的雾面照 一块一张 加v' });
      expect(after.modelVersion).toContain(version);
      expect(after.evidence.map((e) => e.reason)).toContainEqual(expect.stringMatching(/^approved term: 雾面照/));
      expect(after.score).toBeGreaterThanOrEqual(before.score);
      expect((await auditLog(s.t.store)).map((e) => e.action)).toEqual(expect.arrayContaining(['list', 'term-approve']));
    } finally {
      live.close();
    }
  }, 60_000);
});
