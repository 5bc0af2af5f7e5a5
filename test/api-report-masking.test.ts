import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../contracts/index.js';
import { auditLog, createReport, createToken, saveListing, setReportStatus } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';

// The page a recrawl found for a report on a configured site: the seller's contact numbers in clear.
const RECRAWLED = '手持身份证照 加V 13812345678 备用 138.1234.5678 样本 440304199001011233';
const MASKED = '手持身份证照 加V 138******78 备用 138.****.**78 样本 44**************33';
const SECRETS = ['12345678', '1234.5678', '0304199001'];
const spansOf = (title: string, words: string[]): Evidence[] =>
  words.map((w) => ({ field: 'title', start: title.indexOf(w), end: title.indexOf(w) + w.length, text: w, reason: 'trade signal: off-platform contact id' }));

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`a moderator's report view on ${kind}`, () => {
    const s = apiTestScope(open, 'api-rm');
    let mod: string;
    beforeEach(async () => {
      mod = await createToken(s.t.store, 'mod-a', 'moderator');
    });
    const get = (id: string) => s.app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: { authorization: `Bearer ${mod}` } });

    /** A report classified into a listing whose current text (and verdict) is the recrawled page's. */
    async function reportWithRecrawl() {
      const url = 'http://m.example/item/7';
      const { report } = await createReport(s.t.store, {
        clientReportId: randomUUID(),
        reporter: 'mod-a',
        url,
        title: '看图',
        description: null,
        price: null,
        seller: null,
        note: null,
        suspectedCategory: null,
      });
      const listing = {
        site: 'demo',
        url,
        canonicalUrl: url,
        description: null,
        price: null,
        seller: null,
        images: [],
        fetchedAt: '2026-11-23T00:00:00Z',
        httpStatus: 200,
        crawlId: null,
      };
      const verdict = { flagged: true, review: false, category: 'id_holding_photo' as const, score: 0.9, modelVersion: 'm' };
      const { listingId } = await saveListing(
        s.t.store,
        { ...listing, title: '看图', contentHash: 'report-copy', source: 'report' },
        { ...verdict, evidence: [] },
      );
      const evidence = spansOf(RECRAWLED, ['V 13812345678', '138.1234.5678', '样本 44030419900']);
      await saveListing(s.t.store, { ...listing, title: RECRAWLED, contentHash: 'recrawled-page', source: 'report' }, { ...verdict, evidence });
      await setReportStatus(s.t.store, report.id, 'classified', { listingId });
      return { id: report.id, listingId, evidence };
    }

    it('masks the verdict it shows, cut from the masked text, and logs the view', async () => {
      const { id, listingId, evidence } = await reportWithRecrawl();
      const res = await get(id);
      expect(res.statusCode).toBe(200);
      const shown = res.json().verdict.evidence as Evidence[];
      expect(shown.map((e) => e.text)).toEqual(evidence.map((e) => MASKED.slice(e.start, e.end)));
      for (const secret of SECRETS) expect(res.body).not.toContain(secret);
      const log = await auditLog(s.t.store, listingId);
      expect(log.map((e) => [e.actor, e.action, e.detail])).toEqual([['mod-a', 'view', `report ${id}`]]);
    });

    it("masks a failed report's error, and logs no view for a status that shows no listing text", async () => {
      const { report } = await createReport(s.t.store, {
        clientReportId: randomUUID(),
        reporter: 'mod-a',
        url: 'http://m.example/item/8',
        title: 'x',
        description: null,
        price: null,
        seller: null,
        note: null,
        suspectedCategory: null,
      });
      expect((await get(report.id)).json()).toEqual({ id: report.id, status: 'queued' });
      await setReportStatus(s.t.store, report.id, 'failed', { error: 'page says: call 13812345678' });
      expect((await get(report.id)).json()).toEqual({ id: report.id, status: 'failed', error: 'page says: call 138******78' });
      expect(await auditLog(s.t.store)).toEqual([]);
    });
  });
}
