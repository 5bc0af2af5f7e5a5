import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/classify.js';
import { loadConfig } from '../config/config.js';
import { startPipelineWorker } from '../pipeline/pipeline-worker.js';
import { BODY_LIMIT } from '../server/app.js';
import { createToken } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { STORE_KINDS } from './helpers/stores.js';

const classifier = Classifier.load();

for (const [kind, open] of Object.entries(STORE_KINDS)) {
  describe(`the reports API on ${kind}`, () => {
    const s = apiTestScope(open, 'api');
    let tokens: Record<'mod' | 'mod2' | 'inv', string>;
    beforeEach(async () => {
      tokens = {
        mod: await createToken(s.t.store, 'mod-ana', 'moderator'),
        mod2: await createToken(s.t.store, 'mod-bo', 'moderator'),
        inv: await createToken(s.t.store, 'inv-cy', 'investigator'),
      };
    });

    const post = (token: string | null, payload: unknown, headers: Record<string, string> = {}) =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: payload as string,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      });
    const report = (over: Record<string, unknown> = {}) => ({
      url: 'https://m.example/item/9?spm=1',
      title: '手持身份证照 一套三张',
      description: '加V详聊 五毛一张',
      clientReportId: randomUUID(),
      ...over,
    });
    const code = (r: { json: () => { error: { code: string } } }) => r.json().error.code;

    it('refuses callers without a live token (401) or with the wrong role (403)', async () => {
      expect((await post(null, report())).statusCode).toBe(401);
      const unknown = await post('fl_nope', report());
      expect([unknown.statusCode, code(unknown)]).toEqual([401, 'FL_UNAUTHORIZED']);
      const wrongRole = await post(tokens.inv, report());
      expect([wrongRole.statusCode, code(wrongRole)]).toEqual([403, 'FL_FORBIDDEN']);
    });

    it('answers bad input with 4xx and a stable code', async () => {
      const badJson = await post(tokens.mod, '{"url":', { 'content-type': 'application/json' });
      expect([badJson.statusCode, code(badJson)]).toEqual([400, 'FL_INVALID_JSON']);
      // Prototype pollution is refused under its own name, not as broken JSON.
      for (const poisoned of ['{"__proto__":{"admin":true},"url":"https://m.example/1"}', '{"constructor":{"prototype":{"admin":true}}}']) {
        const r = await post(tokens.mod, poisoned, { 'content-type': 'application/json' });
        expect([r.statusCode, code(r)]).toEqual([400, 'FL_FORBIDDEN_KEY']);
      }
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
      const badUrl = await post(tokens.mod, report({ url: 'javascript:alert(1)' }));
      expect([badUrl.statusCode, code(badUrl)]).toEqual([400, 'FL_BAD_REQUEST']);
      expect(badUrl.json().error.message).toMatch(/url: must be an absolute http\(s\) URL/);
      const noId = await post(tokens.mod, report({ clientReportId: undefined }));
      expect([noId.statusCode, code(noId)]).toEqual([400, 'FL_BAD_REQUEST']);
      expect(noId.json().error.message).toMatch(/clientReportId/);
      const huge = await post(tokens.mod, report({ html: 'x'.repeat(BODY_LIMIT + 10) }));
      expect([huge.statusCode, code(huge)]).toEqual([413, 'FL_BODY_TOO_LARGE']);
      const text = await post(tokens.mod, 'hello', { 'content-type': 'text/plain' });
      expect([text.statusCode, code(text)]).toEqual([415, 'FL_UNSUPPORTED_MEDIA_TYPE']);
      const missing = await s.app.inject({ method: 'GET', url: '/api/v1/nothing' });
      expect([missing.statusCode, code(missing)]).toEqual([404, 'FL_NOT_FOUND']);
    });

    it('queues a report once however often it is sent', async () => {
      const body = report();
      const first = await post(tokens.mod, body);
      expect(first.statusCode).toBe(202);
      expect(first.json()).toEqual({ id: expect.any(String), status: 'queued' });
      const again = await post(tokens.mod, body);
      expect(again.json().id).toBe(first.json().id);
      // The same id with other content is not a retry: it is refused, not silently dropped.
      const changed = await post(tokens.mod, { ...body, description: '另一份 加V' });
      expect([changed.statusCode, code(changed)]).toEqual([409, 'FL_CONFLICT']);
      const stolen = await post(tokens.mod2, body);
      expect([stolen.statusCode, code(stolen)]).toEqual([409, 'FL_CONFLICT']);
      const counts = await s.queue.queue.getJobCounts('waiting', 'active', 'delayed');
      expect((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0)).toBe(1);
    });

    it('classifies a report into a verdict its moderator and investigators can read', async () => {
      const html =
        '<html><head><script type="application/ld+json">{"@type":"Product","name":"人脸四件套 懂的来","description":"身份证+银行卡+手机卡+人脸 一手料"}</script></head><body></body></html>';
      const sent = await post(tokens.mod, report({ title: undefined, description: undefined, html }));
      expect(sent.statusCode).toBe(202);
      const { id } = sent.json();
      const config = loadConfig({ QUEUE_PREFIX: s.prefix, REDIS_URL: TEST_REDIS_URL });
      const worker = await startPipelineWorker({ config, redisUrl: TEST_REDIS_URL, concurrency: 2, classifier, store: s.t.store });
      const get = (token: string) => s.app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: { authorization: `Bearer ${token}` } });
      try {
        let status = '';
        for (let i = 0; i < 100 && status !== 'classified'; i++) {
          await new Promise((r) => setTimeout(r, 100));
          status = (await get(tokens.mod)).json().status;
        }
        expect(status).toBe('classified');
      } finally {
        await worker.close();
      }
      const mine = (await get(tokens.mod)).json();
      expect(mine).toMatchObject({ id, status: 'classified', verdict: { flagged: true, category: 'identity_kit' } });
      expect(mine.verdict.evidence.map((e: { text: string }) => e.text)).toContain('人脸四件套');
      expect((await get(tokens.inv)).json().verdict.flagged).toBe(true);
      const other = await get(tokens.mod2);
      expect([other.statusCode, code(other)]).toEqual([404, 'FL_NOT_FOUND']);
    });

    it('reports health', async () => {
      const r = await s.app.inject({ method: 'GET', url: '/healthz' });
      expect(r.json()).toEqual({ status: 'ok', redis: 'ok', database: 'ok' });
    });
  });
}
