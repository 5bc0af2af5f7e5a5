import { beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../contracts/index.js';
import { auditLog, createReport, createToken, recordDecision, saveListing, setReportStatus } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { STORE_KINDS } from './helpers/stores.js';
import { listingRecord } from './fixtures/listing-record.js';

const ID = '11010519491231002X';
const seed: [string, number, Verdict['category'], boolean?][] = [
  ['手持身份证照 一套三张', 0.99, 'id_holding_photo'],
  ['人脸四件套 懂的来', 0.95, 'identity_kit'],
  [`出售 sfz ${ID} 手持`, 0.9, 'id_holding_photo'],
  ['纯棉四件套', 0.02, null],
  ['脸子 打包 价格私聊', 0.4, null, true],
];

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`the listings API on ${kind}`, () => {
    const s = apiTestScope(open, 'api-l');
    let inv: string;
    let mod: string;
    const ids: number[] = [];
    beforeEach(async () => {
      inv = await createToken(s.t.store, 'inv-a', 'investigator');
      mod = await createToken(s.t.store, 'mod-a', 'moderator');
      ids.length = 0;
      for (const [i, [title, score, category, review]] of seed.entries()) {
        const r = await saveListing(
          s.t.store,
          {
            site: 'demo',
            url: `http://m.example/${i}`,
            canonicalUrl: `http://m.example/${i}`,
            title,
            description: null,
            price: null,
            seller: 'seller 13812345678',
            images: [],
            fetchedAt: '2026-11-23T00:00:00Z',
            httpStatus: 200,
            contentHash: `h${i}`,
            source: 'crawl',
            crawlId: 'c',
          },
          {
            flagged: score > 0.5,
            review: review ?? false,
            category,
            score,
            evidence: [{ field: 'title', start: 0, end: title.length, text: title, reason: 'r' }],
            modelVersion: 'm',
          },
        );
        ids.push(r.listingId);
      }
    });
    const get = (url: string, token = inv) => s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    it('lists flagged listings highest score first, page by page', async () => {
      const first = (await get('/api/v1/listings?flagged=true&limit=2')).json();
      expect(first.items.map((i: { score: number }) => i.score)).toEqual([0.99, 0.95]);
      const second = (await get(`/api/v1/listings?flagged=true&limit=2&cursor=${first.nextCursor}`)).json();
      expect(second.items.map((i: { score: number }) => i.score)).toEqual([0.9]);
      expect(second.nextCursor).toBeNull();
      expect((await get('/api/v1/listings?category=identity_kit')).json().items).toHaveLength(1);
      expect((await get('/api/v1/listings?q=%E7%BA%AF%E6%A3%89')).json().items.map((i: { title: string }) => i.title)).toEqual(['纯棉四件套']);
      expect((await get('/api/v1/listings?limit=0')).statusCode).toBe(400);
      expect((await get('/api/v1/listings?cursor=nonsense')).json().error.code).toBe('FL_BAD_REQUEST');
      expect((await get('/api/v1/listings', mod)).statusCode).toBe(403);
    });

    it('filters on the review band: not flagged, worth a look', async () => {
      const band = (await get('/api/v1/listings?review=true')).json().items;
      expect(band.map((i: { title: string; review: boolean; flagged: boolean }) => [i.title, i.review, i.flagged])).toEqual([
        ['脸子 打包 价格私聊', true, false],
      ]);
      expect((await get(`/api/v1/listings/${ids[4]}`)).json().verdict).toMatchObject({ flagged: false, review: true });
      expect((await get('/api/v1/listings?flagged=true')).json().items.every((i: { review: boolean }) => !i.review)).toBe(true);
      expect((await get('/api/v1/listings?review=maybe')).json().error.code).toBe('FL_BAD_REQUEST');
    });

    it('masks ID and phone numbers unless the investigator unmasks, and logs who saw what', async () => {
      const id = ids[2]!;
      const masked = (await get(`/api/v1/listings/${id}`)).json();
      expect(masked.title).toBe('出售 sfz 11**************2X 手持');
      expect(masked.seller).toBe('seller 138******78');
      expect(masked.verdicts[0].evidence[0].text).toBe(masked.title);
      expect(masked.masked).toBe(true);
      const raw = (await get(`/api/v1/listings/${id}?unmask=true`)).json();
      expect(raw.title).toContain(ID);
      const log = await auditLog(s.t.store, id);
      expect(log.map((e) => [e.actor, e.action])).toEqual([
        ['inv-a', 'view'],
        ['inv-a', 'unmask'],
      ]);
      // The list is masked too.
      const listed = (await get('/api/v1/listings?q=sfz')).json().items[0];
      expect(listed.title).not.toContain(ID);
    });

    it('keeps decisions with who and when, and filters by them', async () => {
      const id = ids[0]!;
      const decide = (body: unknown) =>
        s.app.inject({ method: 'POST', url: `/api/v1/listings/${id}/decision`, payload: body as object, headers: { authorization: `Bearer ${inv}` } });
      expect((await decide({ decision: 'confirmed', note: 'clear sale' })).statusCode).toBe(201);
      expect((await decide({ decision: 'maybe' })).json().error.code).toBe('FL_BAD_REQUEST');
      const detail = (await get(`/api/v1/listings/${id}`)).json();
      expect(detail.decision).toBe('confirmed');
      expect(detail.decisions).toEqual([{ decision: 'confirmed', note: 'clear sale', by: 'inv-a', at: expect.any(String) }]);
      expect((await get('/api/v1/listings?decision=confirmed')).json().items.map((i: { id: number }) => i.id)).toEqual([id]);
      expect((await get('/api/v1/listings?decision=none&flagged=true')).json().items).toHaveLength(2);
      expect((await auditLog(s.t.store, id)).some((e) => e.action === 'decide' && e.detail === 'confirmed')).toBe(true);
      const missing = await s.app.inject({
        method: 'POST',
        url: '/api/v1/listings/999999/decision',
        payload: { decision: 'dismissed' },
        headers: { authorization: `Bearer ${inv}` },
      });
      expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'FL_NOT_FOUND']);
    });

    it('decides a selection at once and says which ids it did not find', async () => {
      const post = (body: unknown) =>
        s.app.inject({ method: 'POST', url: '/api/v1/decisions', payload: body as object, headers: { authorization: `Bearer ${inv}` } });
      const res = await post({ ids: [ids[0], ids[1], 999999], decision: 'dismissed', note: 'bulk' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ decided: [ids[0], ids[1]], missing: [999999], by: 'inv-a' });
      expect((await get('/api/v1/listings?decision=dismissed')).json().items).toHaveLength(2);
      expect((await post({ ids: [], decision: 'dismissed' })).json().error.code).toBe('FL_BAD_REQUEST');
      expect((await auditLog(s.t.store)).filter((e) => e.action === 'decide')).toHaveLength(2);
      expect((await get('/api/v1/me')).json()).toEqual({ name: 'inv-a', role: 'investigator' });
      expect((await get('/api/v1/me', 'nope')).statusCode).toBe(401);
    });

    it('exports the current filter as JSON Lines or CSV, masked and logged', async () => {
      const { report } = await createReport(s.t.store, {
        clientReportId: '9b2f3c1e-0000-4000-8000-000000000001',
        reporter: 'mod-a',
        url: 'http://m.example/0',
        title: null,
        description: null,
        price: null,
        seller: null,
        note: `seller phone 13812345678`,
        suspectedCategory: 'id_holding_photo',
      });
      await setReportStatus(s.t.store, report.id, 'classified', { listingId: ids[0]! });
      await recordDecision(s.t.store, ids[0]!, 'confirmed', 'takedown sent', 'inv-a');
      const jsonl = await get('/api/v1/export?format=jsonl&flagged=true');
      expect(jsonl.headers['content-type']).toMatch(/ndjson/);
      const rows = jsonl.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { score: number });
      expect(rows.map((r) => r.score)).toEqual([0.99, 0.95, 0.9]);
      expect(jsonl.body).not.toContain(ID);
      expect(rows[0]).toMatchObject({
        contentHash: 'h0',
        fetchedAt: '2026-11-23T00:00:00Z',
        modelVersion: 'm',
        decidedBy: 'inv-a',
        evidence: [{ field: 'title', text: '手持身份证照 一套三张', reason: 'r' }],
      });
      expect(rows[0]).toMatchObject({
        reports: [{ reporter: 'mod-a', note: 'seller phone 138******78', suspectedCategory: 'id_holding_photo' }],
        decisions: [{ decision: 'confirmed', note: 'takedown sent', by: 'inv-a' }],
      });
      // Evidence spans are masked like the text they point into.
      expect(JSON.stringify(rows[2])).not.toContain(ID);
      const csv = await get('/api/v1/export?format=csv');
      const lines = csv.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe(
        'id,site,url,title,description,price,priceAmount,currency,priceUnit,seller,flagged,review,score,category,modelVersion,evidence,decision,decidedBy,decidedAt,reports,reportNotes,fetchedAt,contentHash,availability,takenDownAt,takedownReason,secondsToTakedown',
      );
      expect(lines[1]).toContain('"手持身份证照 一套三张 (r)","confirmed","inv-a"');
      expect(lines[1]).toContain('"1","mod-a: seller phone 138******78"');
      expect(lines).toHaveLength(6);
      expect((await auditLog(s.t.store)).filter((e) => e.action === 'export')).toHaveLength(2);
      expect((await get('/api/v1/export?format=xml')).statusCode).toBe(400);
    });

    it('shows no digit in evidence, detail, JSON Lines or CSV that the masked field hides', async () => {
      // Titles and evidence spans as the classifier reports them: its contact-id pattern stops after 11
      // digits, so the span alone is too short to be a number and was shown with 11 of the ID's 18 digits.
      const leaks = [
        {
          title: '手持身份证照 五毛一张 加V 440304199001011233',
          shown: '手持身份证照 五毛一张 加V 44**************33',
          span: 'V 44030419900',
          secret: '0304199001',
        },
        { title: '出售银行卡 加V 6222021234567890128 一手料', shown: '出售银行卡 加V ***************0128 一手料', span: 'V 62220212345', secret: '62220212' },
      ];
      for (const [i, l] of leaks.entries()) {
        const start = l.title.indexOf(l.span);
        const evidence = [{ field: 'title' as const, start, end: start + l.span.length, text: l.span, reason: 'trade signal: off-platform contact id' }];
        const { listingId } = await saveListing(
          s.t.store,
          listingRecord(`http://m.example/leak/${i}`, { site: 'leak', title: l.title, contentHash: `leak${i}` }),
          { flagged: true, review: false, category: 'id_holding_photo', score: 0.8 - i / 10, evidence, modelVersion: 'm' },
        );
        // An older verdict whose text version is not stored: its span cannot be cut from a masked field.
        await s.t.store.db
          .insertInto('verdicts')
          .values({
            listing_id: listingId,
            content_hash: 'gone',
            model_version: 'm0',
            flagged: 1,
            review: 0,
            category: null,
            score: 0.5,
            evidence: JSON.stringify(evidence),
            created_at: '2026-01-01T00:00:00Z',
          })
          .execute();
        await recordDecision(s.t.store, listingId, 'confirmed', `victim's ID ${l.title.slice(start + 2)}`, 'inv-a');
        const detail = (await get(`/api/v1/listings/${listingId}`)).json();
        expect(detail.title).toBe(l.shown);
        const evidenceText = Object.fromEntries(
          detail.verdicts.map((v: { contentHash: string; evidence: { text: string }[] }) => [v.contentHash, v.evidence[0]!.text]),
        );
        expect(evidenceText).toEqual({ [`leak${i}`]: l.shown.slice(start, start + l.span.length), gone: 'V ***********' });
        expect(detail.decisions[0].note).not.toContain(l.secret);
        expect(JSON.stringify(detail)).not.toContain(l.secret);
        // Unmasked on request (and logged), as before.
        expect((await get(`/api/v1/listings/${listingId}?unmask=true`)).json().decisions[0].note).toContain(l.secret);
      }
      const jsonl = (await get('/api/v1/export?format=jsonl&site=leak')).body;
      const rows = jsonl
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { title: string; evidence: { start: number; end: number; text: string }[] });
      expect(rows.map((r) => r.title)).toEqual(leaks.map((l) => l.shown));
      for (const r of rows) expect(r.evidence.map((e) => e.text)).toEqual([r.title.slice(r.evidence[0]!.start, r.evidence[0]!.end)]);
      const csv = (await get('/api/v1/export?format=csv&site=leak')).body;
      expect(csv).toContain('"V 44********* (trade signal: off-platform contact id)"');
      expect(csv).toContain('"V *********** (trade signal: off-platform contact id)"');
      for (const l of leaks) expect(jsonl + csv).not.toContain(l.secret);
    });
  });
}
