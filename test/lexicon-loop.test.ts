import { describe, expect, it } from 'vitest';
import { Classifier, loadCorpus } from '../classifier/index.js';
import { LiveClassifier, runDiscovery } from '../pipeline/index.js';
import { auditLog, createToken, saveListing } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';

// 雾面照: a word no lexicon knows, naming handheld-ID photos where offers name their product.
const OFFERS = [
  ['雾面照 现货', '雾面照 男女都有 拿着身份证对着脸拍 五毛一张 加v详聊 13812345678', '0.5元/张'],
  ['出雾面照', '新到一批雾面照，清楚，一块一张，量大从优', '1元/张'],
  ['雾面照批发', '雾面照 一百张起 网盘发 qq 33901234', '80/100张'],
  ['收雾面照', '长期收雾面照 本人拿证件 八块一张 当天结', '8元/张'],
  ['雾面照 定制', '可以按要求拍雾面照 带日期 十五一张', '15'],
  ['雾面照 有货', '雾面照 一手 不倒卖 私聊 一块五一张', '1.5元/张'],
  ['雾面照 便宜', '雾面照 三毛一张 千张起 加微信', '0.3元/张'],
] as const;

describe('code-word discovery, end to end in the server', () => {
  const s = apiTestScope(STORE_KINDS.sqlite, 'lexicon-loop');

  it('files suggestions from stored listings, an investigator approves one, and the next verdict uses it without a restart', async () => {
    const base = Classifier.load();
    const live = new LiveClassifier(base, s.t.store, 60_000);
    try {
      const benign = loadCorpus()
        .items.filter((i) => i.label === 'benign')
        .slice(0, 300);
      const listings = [
        ...OFFERS.map(([title, description, price]) => ({ title, description, price })),
        ...benign.map((b) => ({ title: b.title ?? null, description: b.description ?? null, price: b.price ?? null })),
      ];
      for (const [i, l] of listings.entries()) {
        const fields = { title: l.title, description: l.description, price: l.price };
        await saveListing(
          s.t.store,
          {
            site: 'm',
            url: `https://m.example/${i}`,
            canonicalUrl: `https://m.example/${i}`,
            ...fields,
            seller: null,
            images: [],
            fetchedAt: '2026-11-30T00:00:00Z',
            httpStatus: 200,
            contentHash: `h${i}`,
            source: 'crawl',
            crawlId: 'c',
          },
          base.classify(fields),
        );
      }
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
      expect(JSON.stringify(found.examples)).not.toContain('13812345678');

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
