import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/index.js';
import { loadConfig } from '../config/index.js';
import { startPipelineWorker } from '../pipeline/index.js';
import { createToken, getReport } from '../store/index.js';
import { apiTestScope } from './helpers/api-env.js';
import { TEST_REDIS_URL } from './helpers/redis.js';
import { STORE_KINDS } from './helpers/stores.js';

describe('the price as data in the API and the export', () => {
  const s = apiTestScope(STORE_KINDS.sqlite, 'api-price');

  it("reads a moderator's price text into amount, currency and unit, and shows them in the queue, the detail and the export", async () => {
    const mod = await createToken(s.t.store, 'mod-p', 'moderator');
    const inv = await createToken(s.t.store, 'inv-p', 'investigator');
    const sent = await s.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { authorization: `Bearer ${mod}` },
      payload: { url: 'https://m.example/i/9', title: '手持身份证照', price: '五毛一张', clientReportId: randomUUID() },
    });
    expect(sent.statusCode).toBe(202);
    const worker = await startPipelineWorker({
      config: loadConfig({ QUEUE_PREFIX: s.prefix, REDIS_URL: TEST_REDIS_URL }),
      redisUrl: TEST_REDIS_URL,
      concurrency: 1,
      classifier: Classifier.load(),
      store: s.t.store,
    });
    try {
      for (let i = 0; i < 100 && (await getReport(s.t.store, sent.json().id))?.status !== 'classified'; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await worker.close();
    }
    const get = (url: string) => s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${inv}` } });
    const [row] = (await get('/api/v1/listings')).json().items;
    expect(row).toMatchObject({ price: '五毛一张', priceAmount: '0.5', currency: 'CNY', priceUnit: '张' });
    expect((await get(`/api/v1/listings/${row.id}`)).json()).toMatchObject({ priceAmount: '0.5', currency: 'CNY', priceUnit: '张' });
    const line = JSON.parse((await get('/api/v1/export?format=jsonl')).body.trim());
    expect(line).toMatchObject({ priceAmount: '0.5', currency: 'CNY', priceUnit: '张' });
  });
});
