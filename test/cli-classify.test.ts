import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VerdictSchema } from '../contracts/index.js';
import { runCli } from './helpers/run-cli.js';

const lines = (s: string) =>
  s
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('faceleak classify', () => {
  it('writes one verdict per input line, in order, with the id echoed', async () => {
    const input = [
      { id: 'a', title: '手持身份证照 五毛一张 打包出 加V详聊' },
      { id: 'b', title: '纯棉四件套 床上用品 1.8m床 包邮' },
      { id: 7, title: 'fresh s3lfie w/ 1D packs, 10k in stock, tg only', price: 2 },
      {},
    ];
    const r = await runCli(['classify'], input.map((i) => JSON.stringify(i)).join('\n'));
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 7, null]);
    for (const o of out) {
      const { id: _id, ...verdict } = o;
      expect(VerdictSchema.parse(verdict)).toBeTruthy();
      expect(Object.keys(o).sort()).toEqual(['category', 'evidence', 'flagged', 'id', 'modelVersion', 'review', 'score']);
    }
    expect(out[0]).toMatchObject({ flagged: true, category: 'id_holding_photo' });
    expect(out[1]).toMatchObject({ flagged: false, category: null });
    expect(out[2]).toMatchObject({ flagged: true, category: 'id_holding_photo' });
    expect(out[3]).toMatchObject({ flagged: false, evidence: [] });
  });

  it('reports bad lines by number, goes on, and exits 1', async () => {
    const input = ['{"id":"ok1","title":"selfie stick"}', '{not json', '[1,2]', '{"id":"x","title":{"a":1}}', '{"id":"ok2","title":"fullz"}'].join('\n');
    const r = await runCli(['classify'], input);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out).toHaveLength(5);
    expect(out[0]!.id).toBe('ok1');
    expect(out[1]).toEqual({ line: 2, error: expect.stringMatching(/not valid JSON/) });
    expect(out[2]).toEqual({ line: 3, error: 'expected a JSON object' });
    expect(out[3]).toEqual({ line: 4, error: '"title" must be a string, not object' });
    expect(out[4]!.id).toBe('ok2');
  });

  it('reads a file argument and evidence spans index the original text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'classify-'));
    const file = join(dir, 'in.jsonl');
    const title = '出售 手.持.身.份.证 一套三张 扣扣：39207668';
    writeFileSync(file, `${JSON.stringify({ id: 's', title })}\n`);
    const r = await runCli(['classify', file]);
    expect(r.code).toBe(0);
    const [v] = lines(r.stdout) as [{ evidence: { field: string; start: number; end: number; text: string }[] }];
    expect(v.evidence.length).toBeGreaterThan(0);
    for (const e of v.evidence) expect(title.slice(e.start, e.end)).toBe(e.text);
    expect(v.evidence.map((e) => e.text)).toContain('手.持.身.份.证');
  });

  it('keeps stdout to verdicts only and says nothing on stderr for good input', async () => {
    const r = await runCli(['classify'], '{"id":1,"title":"Face ID 维修"}\n');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  it('explains itself with --help and refuses a bad option value', async () => {
    const help = await runCli(['classify', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/JSON Lines/);
    const bad = await runCli(['classify', '--threshold', 'high']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--threshold must be a number/);
  });

  it('gives a clear error for a missing file', async () => {
    const r = await runCli(['classify', '/nonexistent/listings.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/faceleak: .*no such file/);
  });
});
