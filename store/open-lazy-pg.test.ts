import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A process of its own: this test runner (and the helpers other store tests import) load pg anyway.
const script = `
import { createRequire } from 'node:module';
const { openStore } = await import(${JSON.stringify(new URL('./open.ts', import.meta.url).href)});
const dir = process.argv[1];
const store = await openStore({ databaseUrl: dir + '/lazy.db', dataDir: dir });
await store.close();
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => /node_modules\\/pg(-[a-z]+)?\\//.test(k));
console.log(JSON.stringify(loaded));
`;

describe('opening a SQLite store', () => {
  it('does not load the PostgreSQL client (pg is only imported for a PostgreSQL URL)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faceleak-lazy-pg-'));
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { encoding: 'utf8' });
      expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
