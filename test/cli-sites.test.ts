import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLog, openStore } from '../store/index.js';
import { runCli } from './helpers/run-cli.js';

describe('faceleak sites', () => {
  it('adds, lists and removes report-recrawl sites, refusing bad configs, and logs each change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceleak-sites-'));
    const env = { DATA_DIR: dir, DATABASE_URL: '' };
    const write = (name: string, site: object) => (writeFileSync(join(dir, name), JSON.stringify(site)), join(dir, name));
    const market = write('m.json', { name: 'market', startUrls: ['https://m.example/s'] });
    const local = write('local.json', { name: 'local', startUrls: ['http://127.0.0.1:8436/'], allowPrivateNetwork: true });
    const bad = write('bad.json', { name: 'Bad Name', startUrls: [] });

    const refused = await runCli(['sites', 'add', market, bad], '', env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/bad\.json has 2 problems/);
    expect((await runCli(['sites', 'list'], '', env)).stdout).toBe(''); // nothing registered: all are checked first

    expect((await runCli(['sites', 'add', market, local], '', env)).code).toBe(0);
    const listed = (await runCli(['sites', 'list'], '', env)).stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t').slice(0, 4));
    expect(listed).toEqual([
      ['local', '127.0.0.1:8436', 'admin', 'not recrawled (allowPrivateNetwork: add with --allow-private-recrawl)'],
      ['market', 'm.example', 'admin', 'recrawled'],
    ]);
    expect((await runCli(['sites', 'add', '--allow-private-recrawl', local], '', env)).code).toBe(0);
    expect((await runCli(['sites', 'list'], '', env)).stdout).toMatch(/^local\t.*\trecrawled \(private network allowed by an admin\)/m);

    expect((await runCli(['sites', 'remove', 'market'], '', env)).code).toBe(0);
    const missing = await runCli(['sites', 'remove', 'market'], '', env);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/no registered site named "market"/)]);

    const store = await openStore({ dataDir: dir });
    try {
      expect((await auditLog(store)).map((e) => [e.actor.startsWith('cli:'), e.action])).toEqual([
        [true, 'site-add'],
        [true, 'site-add'],
        [true, 'site-add'],
        [true, 'site-remove'],
      ]);
    } finally {
      await store.close();
    }
  });
});
