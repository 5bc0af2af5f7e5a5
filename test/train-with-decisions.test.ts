import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../classifier/corpus/load.js';
import { splitCorpus } from '../classifier/corpus/split.js';
import type { Verdict } from '../contracts/index.js';
import { auditLog, openStore, recordDecision, saveListing } from '../store/index.js';
import { runCli } from './helpers/run-cli.js';
import { listingRecord } from './fixtures/listing-record.js';

describe('faceleak train --with-decisions', () => {
  it('folds confirmed and dismissed listings into the training side and logs the read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'train-dec-'));
    const db = join(dir, 'store.db');
    const store = await openStore({ databaseUrl: db, dataDir: dir });
    const add = async (i: number, title: string, verdict: Pick<Verdict, 'flagged' | 'category'>, decision: 'confirmed' | 'dismissed' | 'escalated') => {
      const { listingId } = await saveListing(store, listingRecord(`https://m.example/${i}`, { site: 's', title, contentHash: `h${i}` }), {
        ...verdict,
        review: false,
        score: verdict.flagged ? 0.9 : 0.1,
        evidence: [],
        modelVersion: 'm',
      });
      await recordDecision(store, listingId, decision, null, 'inv');
    };
    await add(1, '本人实拍 举证件半身 三张一组 私聊', { flagged: true, category: 'id_holding_photo' }, 'confirmed');
    await add(2, '证件照拍摄 白底蓝底 当天取片', { flagged: true, category: 'id_holding_photo' }, 'dismissed');
    await add(3, 'Passport photo booth, 4 prints', { flagged: false, category: null }, 'dismissed');
    await add(4, 'weird listing nobody could classify', { flagged: false, category: null }, 'confirmed');
    await add(5, '人脸数据 待定', { flagged: true, category: 'face_bundle' }, 'escalated');
    await store.close();

    const out = join(dir, 'model.json');
    const r = await runCli(['train', '--with-decisions', '--out', out], '', { DATABASE_URL: db, DATA_DIR: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/decisions: 1 confirmed and 2 dismissed listings added, 1 confirmed without a category left out/);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    const corpus = loadCorpus();
    expect(model.training.listings).toBe(splitCorpus(corpus.items).train.length + 3);
    expect(model.corpusHash).not.toBe(corpus.hash);
    const reopened = await openStore({ databaseUrl: db, dataDir: dir });
    expect((await auditLog(reopened)).filter((e) => e.action === 'train').map((e) => e.detail)).toEqual(['{"confirmed":1,"dismissed":2}']);
    await reopened.close();
  }, 180_000);
});
